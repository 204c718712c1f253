import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_KINDS, type SearchAnswer, type SearchKind } from '../../../contract/search.ts';
import { api } from '../../app/api.ts';
import { Dialog } from '../../components/ui/Dialog.tsx';
import './search.css';

const GROUP_LABELS: Record<SearchKind, string> = {
  account: 'Accounts',
  contact: 'Contacts',
  project: 'Projects',
  task: 'Tasks',
  playbook: 'Playbooks',
};

/** What was typed, once the typing pauses (a request per pause, not per key). */
function useSettled(value: string, ms = 150) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The command palette: type a name, a domain or an email; arrows and Enter open what it found. */
export default function SearchPalette({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useSettled(text.trim());
  const answer = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchAnswer>('/search', { q }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits = q.length > 0 ? (answer.data?.hits ?? []) : [];
  const open = (href: string) => {
    onClose();
    void navigate(href);
  };
  return (
    <Dialog title="Search" onClose={onClose} size="md">
      <Command label="Search Landfall" shouldFilter={false} className="palette" loop>
        <Command.Input value={text} onValueChange={setText} placeholder="Accounts, contacts, projects, tasks, playbooks…" className="input palette-input" data-autofocus />
        <Command.List className="palette-list">
          {q.length === 0 ? (
            <p className="palette-hint">Type a name, a domain or an email. Use ↑ ↓ and Enter to open.</p>
          ) : answer.isError ? (
            <p className="palette-hint" role="alert">
              Search is not answering. Try again in a moment.
            </p>
          ) : (
            <>
              {!answer.isFetching && <Command.Empty className="palette-hint">Nothing matches “{q}”.</Command.Empty>}
              {SEARCH_KINDS.map((kind) => {
                const ofKind = hits.filter((hit) => hit.kind === kind);
                if (ofKind.length === 0) return null;
                return (
                  <Command.Group key={kind} heading={GROUP_LABELS[kind]} className="palette-group">
                    {ofKind.map((hit) => (
                      <Command.Item key={`${kind}:${hit.id}`} value={`${kind}:${hit.id}`} onSelect={() => open(hit.href)} className="palette-item">
                        <span className="palette-title">{hit.title}</span>
                        {hit.subtitle && <span className="palette-sub">{hit.subtitle}</span>}
                      </Command.Item>
                    ))}
                  </Command.Group>
                );
              })}
            </>
          )}
        </Command.List>
      </Command>
    </Dialog>
  );
}
