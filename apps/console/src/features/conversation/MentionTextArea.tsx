import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Input } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { MentionPicker, useMentionPicker } from './MentionPicker.tsx';

/** A note field (a form control: value / onChange) with the @-autocomplete of the reply box. */
export function MentionTextArea({ id, value, onChange, maxLength, onKeyDown }: { id?: string; value?: string; onChange?(next: string): void; maxLength?: number; onKeyDown?(event: KeyboardEvent<HTMLTextAreaElement>): void }) {
  const text = value ?? '';
  const area = useRef<TextAreaRef>(null);
  const caretTo = useRef<number | null>(null);
  const listId = useId();
  const mention = useMentionPicker({ enabled: true, apply: (next) => { caretTo.current = next.caret; onChange?.(next.text); } });
  useEffect(() => {
    if (caretTo.current === null) return;
    area.current?.resizableTextArea?.textArea?.setSelectionRange(caretTo.current, caretTo.current);
    caretTo.current = null;
  }, [text]);
  return (
    <div className="lx-canned">
      {mention.open ? <MentionPicker id={listId} items={mention.matches} active={mention.active} onChoose={(person) => mention.choose(text, person)} onHover={mention.setActive} /> : null}
      <Input.TextArea
        ref={area}
        id={id}
        value={text}
        maxLength={maxLength}
        autoSize={{ minRows: 2, maxRows: 6 }}
        role="combobox"
        aria-expanded={mention.open}
        aria-controls={mention.open ? listId : undefined}
        aria-autocomplete="list"
        onChange={(e) => {
          onChange?.(e.target.value);
          mention.update(e.target.value, e.target.selectionStart ?? e.target.value.length);
        }}
        onBlur={() => mention.close()}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing) return;
          if (mention.onKeyDown(event, text)) {
            event.stopPropagation();
            return;
          }
          onKeyDown?.(event);
        }}
      />
    </div>
  );
}
