import { t } from '../shared/i18n';

export function Options() {
  return <h1>{t('popupHeading')}</h1>;
}
