import type { Attribute, DocStatus, Validity } from '../../api/documents.ts';
import { ToneTag } from '../RequestTags.tsx';

type Tone = Parameters<typeof ToneTag>[0]['tone'];

const STATUS_TONES: Record<DocStatus, Tone> = {
  draft: 'grey',
  in_review: 'blue',
  returned: 'orange',
  approved: 'purple',
  published: 'green',
};

const VALIDITY_TONES: Record<Validity, Tone> = {
  valid: 'green',
  amended: 'gold',
  repealed: 'red',
  expired: 'grey',
};

const ATTRIBUTE_TONES: Record<Attribute, Tone> = {
  proactive: 'blue',
  on_request: 'purple',
  not_public: 'magenta',
};

export function StatusTag({ status, label }: { status: DocStatus; label: string }) {
  return <ToneTag tone={STATUS_TONES[status] ?? 'grey'}>{label}</ToneTag>;
}

export function ValidityTag({ validity, label }: { validity: Validity; label: string }) {
  return <ToneTag tone={VALIDITY_TONES[validity] ?? 'grey'}>{label}</ToneTag>;
}

export function AttributeTag({ attribute, label }: { attribute: Attribute | null; label: string }) {
  return <ToneTag tone={attribute ? ATTRIBUTE_TONES[attribute] : 'orange'}>{label}</ToneTag>;
}
