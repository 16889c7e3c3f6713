// The kinds of object an admin can choose, and their names in the chosen language.
import { useI18n } from '../../../i18n';

export const OBJECT_KINDS = ['building', 'floor', 'room', 'zone', 'entrance'] as const;

/** A kind's name, or the kind itself for one the app has no name for (written by an older or newer client). */
export function useKindLabel(): (kind: string) => string {
  const { t, te } = useI18n();
  return (kind) => (te(`locations.kinds.${kind}`) ? t(`locations.kinds.${kind}`) : kind);
}
