import { useState, type KeyboardEvent } from 'react';
import { Typography } from 'antd';
import { useInboxTexts } from '../inbox/inboxTexts.ts';
import { handleOf, insertMention, matchPeople, mentionQuery, type Person } from './mentionQuery.ts';
import { usePeople } from './people.tsx';

type Typed = { query: string; start: number; caret: number };

/**
 * @-autocomplete for the note composer: follows what is typed (update), drives the list from the box's
 * keys (onKeyDown answers true when it used the key) and writes "@handle " on a choice.
 */
export function useMentionPicker(options: { enabled: boolean; apply(next: { text: string; caret: number }): void }) {
  const people = usePeople();
  const [typed, setTyped] = useState<Typed | null>(null);
  const [active, setActive] = useState(0);
  const open = options.enabled && typed !== null;
  const matches = open ? matchPeople(people, typed.query) : [];

  const choose = (text: string, person: Person) => {
    if (!typed) return;
    options.apply(insertMention(text, typed.start, typed.caret, handleOf(person, people)));
    setTyped(null);
  };
  return {
    open,
    matches,
    active,
    setActive,
    close: () => setTyped(null),
    update(text: string, caret: number) {
      const found = options.enabled ? mentionQuery(text, caret) : null;
      setTyped(found ? { ...found, caret } : null);
      if (!found || found.query !== typed?.query) setActive(0);
    },
    choose,
    onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>, text: string): boolean {
      if (!open) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const n = Math.max(1, matches.length);
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : n - 1)) % n);
      } else if ((event.key === 'Enter' || event.key === 'Tab') && matches[active]) {
        choose(text, matches[active]!);
      } else if (event.key === 'Escape') {
        setTyped(null);
      } else return false;
      event.preventDefault();
      return true;
    },
  };
}

/** The list under "@" in a note; the box keeps focus (mouse down does not take it). */
export function MentionPicker({ id, items, active, onChoose, onHover }: { id: string; items: readonly Person[]; active: number; onChoose(person: Person): void; onHover(index: number): void }) {
  const { t } = useInboxTexts();
  return (
    <ul className="lx-canned-list" role="listbox" id={id} aria-label={t('mention.pickerLabel')} data-testid="mention-picker">
      {items.length === 0 ? (
        <li style={{ padding: 8 }}><Typography.Text type="secondary">{t('mention.noPeople')}</Typography.Text></li>
      ) : (
        items.map((person, i) => (
          <li
            key={person.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className="lx-canned-option"
            onMouseDown={(event) => {
              event.preventDefault();
              onChoose(person);
            }}
            onMouseEnter={() => onHover(i)}
          >
            <Typography.Text strong>@{person.name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{person.email}</Typography.Text>
          </li>
        ))
      )}
    </ul>
  );
}
