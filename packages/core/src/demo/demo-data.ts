/** A person of a demo or seed set, with the uuid every store should give them. */
export interface DemoPerson {
  readonly uuid: string;
  readonly handle: string;
  readonly displayName: string;
  readonly email: string;
}

export interface DemoLine {
  /** The sender's handle; one of the conversation's members. */
  readonly from: string;
  readonly text: string;
}

export interface DemoConversation {
  readonly groupUuid: string;
  readonly members: readonly [string, string];
  /** Oldest first. */
  readonly messages: readonly DemoLine[];
}
