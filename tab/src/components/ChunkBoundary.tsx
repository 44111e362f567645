import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useT } from '../i18n/i18n-context.js';
import { Component, lazy, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';

interface Props {
  /** What to say when the part could not be loaded, e.g. "Couldn’t load the charts." */
  message: string;
  onRetry: () => void;
  children: ReactNode;
}

/** A part of the page loaded on demand can fail to arrive (a deploy replaced it, the network dropped): say so, offer Retry. */
export function ChunkBoundary(props: Props) {
  const { t } = useT();
  return <Boundary {...props} retryLabel={t('common.retry')} />;
}

// A class, since only a class can catch a render error; it cannot ask for the translator itself.
class Boundary extends Component<Props & { retryLabel: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{this.props.message}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.props.onRetry}>{this.props.retryLabel}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

/**
 * A lazy component that can be asked for again. React remembers a failed import for good, so
 * Retry needs a new lazy component; the attempt number doubles as the boundary's key to reset it.
 */
export function useRetryableLazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  const [state, setState] = useState<{ attempt: number; Lazy: LazyExoticComponent<ComponentType<P>> }>(() => ({
    attempt: 0,
    Lazy: lazy(load),
  }));
  const retry = () => setState((s) => ({ attempt: s.attempt + 1, Lazy: lazy(load) }));
  return { ...state, retry };
}
