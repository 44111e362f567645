import type {
  IAdaptiveCard,
  IChoiceSetInput,
  IColumnSet,
  IDateInput,
  IContainer,
  IExecuteAction,
  IFactSet,
  INumberInput,
  IOpenUrlAction,
  ISubmitAction,
  ITextBlock,
  ITextInput,
  ITimeInput,
  IToggleInput,
} from 'adaptivecards/lib/schema.js';
import { isRtl, type AppLocale } from '../contract/i18n/locales.js';

/** Adaptive Card inputs gained labels and validation in 1.3; Teams renders them. */
interface LabelledInput {
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export type TextInput = ITextInput & LabelledInput & { style?: 'text' | 'tel' | 'url' | 'email' };
export type NumberInput = Omit<INumberInput, 'value'> & LabelledInput & { value?: number };
export type ChoiceSetInput = IChoiceSetInput & LabelledInput;
export type ToggleInput = IToggleInput & LabelledInput;
export type TimeInput = ITimeInput & LabelledInput;
export type DateInput = IDateInput & LabelledInput;

export type CardElement =
  ITextBlock | IContainer | IColumnSet | IFactSet | TextInput | NumberInput | ChoiceSetInput | ToggleInput | TimeInput | DateInput;

export type ExecuteAction = IExecuteAction & { associatedInputs?: 'auto' | 'none' };
/** Dialogs (task modules) take Action.Submit; Teams routes a `msteams.type: 'task/fetch'` submit to a dialog. */
export type SubmitAction = ISubmitAction & { data?: Record<string, unknown> };
export type CardAction = ExecuteAction | IOpenUrlAction | SubmitAction;

/** The card shape Teams renders: schema 1.5, the highest it supports, needed for Action.Execute. */
export interface AdaptiveCard extends Omit<IAdaptiveCard, 'body' | 'actions' | 'version'> {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: ExecuteAction; userIds?: string[] };
  rtl?: boolean;
}

/** A card in the reader's language: right-to-left languages set `rtl` so Teams lays it out from the right. */
export function adaptiveCard(reader: { locale: AppLocale }, body: CardElement[], actions?: CardAction[]): AdaptiveCard {
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    ...(isRtl(reader.locale) ? { rtl: true } : {}),
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}
