import { useSignedIn } from '../../lib/session.tsx';
import { mentionPieces } from './mentionQuery.ts';
import { usePeople } from './people.tsx';

/** A note's text with the colleagues it @mentions highlighted (you, more strongly). */
export function MentionText({ text, mentions }: { text: string; mentions: readonly string[] | undefined }) {
  const people = usePeople();
  const { session } = useSignedIn();
  const mentioned = people.filter((p) => mentions?.includes(p.id));
  if (mentioned.length === 0) return <>{text}</>;
  return (
    <>
      {mentionPieces(text, mentioned).map((piece, i) =>
        'person' in piece ? (
          <span
            key={i}
            className="lx-mention"
            title={piece.person.email}
            data-testid="mention"
            style={{ color: '#1668dc', background: piece.person.id === session.user.id ? '#bae0ff' : '#e6f4ff', borderRadius: 4, padding: '0 2px', fontWeight: 500 }}
          >
            {piece.text}
          </span>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
