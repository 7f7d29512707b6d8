import { Link } from '../lib/router';
import { Avatar } from './avatar';

interface Person {
  readonly display_name: string;
  readonly handle: string;
}

/** A page's heading with the way back to the inbox, and the person the page is about once known. */
export function PageHead(props: { title: string; person?: Person | undefined }) {
  const { person } = props;
  return (
    <div className="page-head">
      <Link to="/" className="back" label="Back to messages">
        ←
      </Link>
      {person && <Avatar displayName={person.display_name} handle={person.handle} />}
      <h1>{props.title}</h1>
      {person && <span className="muted">@{person.handle}</span>}
    </div>
  );
}

/** What a page shows instead of itself when what it is about does not exist (a 404). */
export function MissingPage(props: { title: string; reason: string }) {
  return (
    <section className="page">
      <h1>{props.title}</h1>
      <p role="alert">{props.reason}</p>
      <Link to="/">Back to your messages</Link>
    </section>
  );
}
