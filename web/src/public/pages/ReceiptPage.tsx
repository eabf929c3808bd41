import { useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useI18n, type Bilingual } from '../../shared/i18n';
import { useTitle } from '../lib/focus';
import { normaliseReceiptCode } from '../lib/format';

/** Copy with the Clipboard API, or with a selected text area where it is missing (older WebViews, plain http). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  area.setSelectionRange(0, text.length);
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** Shown once a report is sent: the receipt code (查询码), large, to copy or write down. */
export default function ReceiptPage() {
  const { t, pick } = useI18n();
  useTitle('receipt.title');
  const params = useParams();
  const state = useLocation().state as { message?: Bilingual } | null;
  const code = normaliseReceiptCode(params.code ?? '');
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const codeRef = useRef<HTMLParagraphElement>(null);

  if (!code) {
    return (
      <div className="page">
        <h1>{t('receipt.invalidTitle')}</h1>
        <p>{t('receipt.invalid')}</p>
        <Link className="button button-primary button-block" to="/progress">
          {t('receipt.goProgress')}
        </Link>
      </div>
    );
  }

  const copy = async () => {
    const ok = await copyText(code);
    setCopied(ok ? 'yes' : 'no');
    if (!ok && codeRef.current) {
      // let the person copy it by hand: select the code
      const range = document.createRange();
      range.selectNodeContents(codeRef.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
  };

  return (
    <div className="page">
      <div className="success-mark" aria-hidden="true">
        {t('receipt.mark')}
      </div>
      <h1 className="center">{t('receipt.title')}</h1>
      <p className="center">{state?.message ? pick(state.message) : t('receipt.sent')}</p>
      <section className="card receipt" aria-labelledby="receipt-label">
        <h2 id="receipt-label" className="label center">
          {t('receipt.codeLabel')}
        </h2>
        <p className="receipt-code" data-testid="receipt-code" ref={codeRef} lang="en">
          {code}
        </p>
        <button type="button" className="button button-secondary button-block" onClick={copy} data-testid="copy-code">
          {t('receipt.copy')}
        </button>
        <p className="copy-status" role="status">
          {copied === 'yes' ? t('receipt.copied') : copied === 'no' ? t('receipt.copyFailed') : ''}
        </p>
      </section>
      <div className="banner banner-warning">
        <p>{t('receipt.keepIt')}</p>
      </div>
      <Link className="button button-primary button-block" to={`/progress/${code}`} data-testid="go-progress">
        {t('receipt.goProgress')}
      </Link>
      <p className="center">
        <Link to="/">{t('receipt.another')}</Link>
      </p>
    </div>
  );
}
