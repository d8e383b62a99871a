import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { AskAssistantMutation, AssistantSuggestionsQuery } from '../operations/assistant';
import { describeError, UserErrors } from './states';
import { formatWait } from '../lib/plurals';

interface Turn {
  id: number;
  question: string;
  answer: string;
  sources: readonly string[];
}

/** A source as the assistant sent it (JSON text), indented to be read; anything else as it came. */
function readableSource(source: string): string {
  try {
    return JSON.stringify(JSON.parse(source), null, 2);
  } catch {
    return source;
  }
}

/** The assistant answers a few questions a minute per user: said as a pause to take, not as a failure. */
function failureText(error: CombinedError): string {
  const limited = error.graphQLErrors.find((e) => e.extensions?.code === 'RATE_LIMITED');
  if (!limited) return describeError(error);
  const seconds = typeof limited.extensions.retryAfterSeconds === 'number' ? limited.extensions.retryAfterSeconds : null;
  return `Has hecho muchas preguntas seguidas. ${seconds ? `Podrás preguntar de nuevo en ${formatWait(seconds)}` : 'Espera un momento y vuelve a preguntar'}; tu pregunta sigue escrita.`;
}

/**
 * The shop assistant in a modal dialog: suggested questions, the conversation (each answer with the graph data it
 * used, under "Datos usados"), and a question box. The conversation goes on across questions (conversationId) for as
 * long as the panel lives, closed or open; "Nueva conversación" starts another.
 */
export function AssistantPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLOListElement>(null);
  const titleId = useId();
  const questionId = useId();
  const [question, setQuestion] = useState('');
  const [turns, setTurns] = useState<Turn[]>([]);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [asking, ask] = useMutation(AskAssistantMutation);
  const [{ data: suggestions }] = useQuery({ query: AssistantSuggestionsQuery, pause: !open });
  const errors = asking.data?.askAssistant.errors ?? [];

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      input.current?.focus();
    } else if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [turns.length]);

  async function send(text: string) {
    const trimmed = text.trim();
    if (!trimmed || asking.fetching) return;
    setFailure(null);
    const result = await ask({ question: trimmed, conversationId });
    const answer = result.data?.askAssistant.answer;
    if (answer) {
      setConversationId(answer.conversationId);
      setTurns((shown) => [...shown, { id: shown.length, question: trimmed, answer: answer.answer, sources: answer.sources }]);
      setQuestion('');
    } else if (result.error) setFailure(failureText(result.error));
    input.current?.focus();
  }

  return (
    // The dialog's own close (Esc) tells the owner, so the button's state follows.
    <dialog ref={dialog} className="assistant" aria-labelledby={titleId} onClose={onClose} data-testid="assistant-panel">
      <div className="assistant-head">
        <h2 id={titleId}>Asistente de la tienda</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          Cerrar
        </button>
      </div>
      <p className="muted">Pregunta por existencias, pedidos, ventas o pronósticos. Responde con los datos de la tienda que tu cuenta puede ver.</p>
      <ol className="plain assistant-log" ref={log} role="log" aria-live="polite" aria-label="Conversación" data-conversation-id={conversationId ?? ''}>
        {turns.map((turn) => (
          <li key={turn.id} className="assistant-turn" data-testid="assistant-turn">
            <p className="assistant-question">
              <span className="visually-hidden">Tu pregunta: </span>
              {turn.question}
            </p>
            <div className="assistant-answer" data-testid="assistant-answer">
              <span className="visually-hidden">Respuesta: </span>
              {turn.answer.split('\n').map((line, i) => (
                <p key={i}>{line}</p>
              ))}
              {turn.sources.length > 0 && (
                <details className="assistant-sources">
                  <summary>Datos usados ({turn.sources.length})</summary>
                  {turn.sources.map((source, i) => (
                    <pre key={i} data-testid="assistant-source">
                      {readableSource(source)}
                    </pre>
                  ))}
                </details>
              )}
            </div>
          </li>
        ))}
      </ol>
      {asking.fetching && (
        <p className="muted" role="status">
          Buscando la respuesta…
        </p>
      )}
      {failure && (
        <p role="alert" className="state state-error" data-testid="assistant-failure">
          {failure}
        </p>
      )}
      <UserErrors errors={errors} />
      {suggestions && suggestions.assistantSuggestions.length > 0 && (
        <div className="assistant-suggestions">
          <h3 className="visually-hidden">Preguntas sugeridas</h3>
          <ul className="plain">
            {suggestions.assistantSuggestions.map((suggestion) => (
              <li key={suggestion}>
                <button type="button" className="button link suggestion" disabled={asking.fetching} onClick={() => send(suggestion)}>
                  {suggestion}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        className="assistant-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send(question);
        }}
      >
        <label htmlFor={questionId}>Tu pregunta</label>
        <textarea
          id={questionId}
          ref={input}
          rows={2}
          maxLength={500}
          required
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          onKeyDown={(event) => {
            // Enter asks, Shift+Enter is a new line (as chats do).
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              void send(question);
            }
          }}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={asking.fetching}>
            {asking.fetching ? 'Preguntando…' : 'Preguntar'}
          </button>
          {turns.length > 0 && (
            <button
              type="button"
              className="button link"
              onClick={() => {
                setTurns([]);
                setConversationId(null);
                setFailure(null);
              }}
            >
              Nueva conversación
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
