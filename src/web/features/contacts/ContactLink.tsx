import { Link } from 'react-router';

/** A person's name, linked to their contact page when they are a customer contact (members have no page). */
export function PersonLink({ person }: { person: { kind: 'member' | 'contact'; id: string; name: string } }) {
  if (person.kind !== 'contact') return <>{person.name}</>;
  return <Link to={`/contacts/${person.id}`}>{person.name}</Link>;
}
