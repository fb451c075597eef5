/** Shows a new TOTP secret once, with the steps to add it to an authenticator app. */
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { CopyField } from './CopyField.js';

/** Base32 secrets are easier to type in groups of four. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

interface Props {
  totpSecret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code image (a data: URL drawn by the server). */
  qrCode?: string | undefined;
  /** The secret is active only after a first sign-in with a code (set-up and activation links). */
  pendingUntilSignIn?: boolean;
  /** 3 when the panel sits inside a section that has its own h2. */
  headingLevel?: 2 | 3;
}

export function TotpPanel({ totpSecret, otpauthUri, qrCode, pendingUntilSignIn, headingLevel = 2 }: Props) {
  const { t } = useI18n();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const titleId = useId();
  return (
    <section className="totp-panel" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('totp.title')}</Heading>
      <p>{t('totp.intro')}</p>
      <ol className="steps">
        <li>{t('totp.stepOpen')}</li>
        <li>{t('totp.stepKey')}</li>
        <li>{t('totp.stepUri')}</li>
      </ol>
      {qrCode && (
        <figure className="totp-qr">
          <figcaption>{t('totp.stepScan')}</figcaption>
          <img src={qrCode} alt={t('totp.qr')} width={200} height={200} data-testid="totp-qr" />
        </figure>
      )}
      <CopyField
        label={t('totp.secret')}
        value={groupSecret(totpSecret)}
        copyValue={totpSecret}
        className="copy-field--secret"
        testId="totp-secret"
      />
      <CopyField label={t('totp.uri')} value={otpauthUri} testId="totp-uri" />
      {pendingUntilSignIn && <p className="notice notice--info">{t('totp.pending')}</p>}
      <p className="notice notice--warning">{t('totp.warning')}</p>
    </section>
  );
}
