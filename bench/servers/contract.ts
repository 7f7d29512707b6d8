/** What the parent and the server processes tell each other over IPC. */

export interface AppServerInfo {
  readonly port: number;
  /** A valid access token of the seeded caller, verified on every request. */
  readonly token: string;
  /** The caller's seeded conversation (30 messages). */
  readonly groupUuid: string;
  /** The other member of that conversation. */
  readonly peerHandle: string;
}

/** Each bare route answers one fixed body. */
export type BareRoute = 'messageGroups' | 'messages' | 'created' | 'userShort' | 'userShortAnonymous';

/** The JSON bodies the real app answered, which the bare routes send back unchanged. */
export type BareResponses = Readonly<Record<BareRoute, unknown>>;

export interface BareServerInfo {
  readonly port: number;
}

export interface EventHostsInfo {
  readonly portA: number;
  readonly portB: number;
  readonly senderToken: string;
  readonly receiverToken: string;
}

export interface IdleHostInfo {
  readonly port: number;
  /** Answers `{rss}` in bytes, after a GC when the child runs with `--expose-gc`. */
  readonly memoryPort: number;
  /** One access token per user. */
  readonly tokens: readonly string[];
}
