import type { ReactNode } from 'react';

/**
 * A message with one placeholder filled by an element (bold words, a link) rather than text, so
 * the translation still decides where it goes: pass the message untouched by `t`'s values, e.g.
 * `t('log.empty')` keeps `{command}`.
 */
export function MessageWithElement({ message, name, children }: { message: string; name: string; children: ReactNode }) {
  const at = message.indexOf(`{${name}}`);
  if (at < 0) return <>{message}</>;
  return (
    <>
      {message.slice(0, at)}
      {children}
      {message.slice(at + name.length + 2)}
    </>
  );
}
