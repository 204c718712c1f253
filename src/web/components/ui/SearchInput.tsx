import { useEffect, useRef, useState } from 'react';

/** A search box that reports what was typed once typing pauses, and follows outside changes (e.g. "Clear filters"). */
export function SearchInput({
  value,
  onSearch,
  label,
  placeholder,
  delay = 300,
}: {
  value: string;
  onSearch: (value: string) => void;
  label: string;
  placeholder?: string;
  delay?: number;
}) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });
  useEffect(() => {
    if (text === synced) return;
    const timer = window.setTimeout(() => onSearchRef.current(text), delay);
    return () => window.clearTimeout(timer);
  }, [text, synced, delay]);

  return (
    <div className="search">
      <svg className="search-icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
        <circle cx="9" cy="9" r="5.5" stroke="currentColor" strokeWidth="1.6" fill="none" />
        <path d="M13.2 13.2L17 17" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className="input search-input"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onSearchRef.current(text);
          if (event.key === 'Escape' && text) setText('');
        }}
      />
    </div>
  );
}
