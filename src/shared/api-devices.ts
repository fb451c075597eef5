/**
 * API shapes of offline devices (docs/OFFLINE.md): a device a user registered for offline work,
 * its secret (shown once, kept on the device) and the device key that the server releases only to
 * that user's signed-in session on that device. A revoked or expired device is told to wipe itself.
 */
import { z } from 'zod';
import { Uuid } from './api.js';
import {
  AddEventObject,
  CreateCaseRequest,
  CreatePersonRequest,
  DecideStatusRequest,
  ExploitationRequest,
  SubmitScreeningRequest,
  withEventChecks,
} from './api-identification.js';
import { RecordConsentObject, RecordNeedRequest, withConsentChecks } from './api-protection.js';
import { paraguayToday } from './dates.js';
import { ownConsentOfChild, typedMinor } from './minor-consent.js';

/** 32 random bytes, base64url (no padding). */
const Key32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const DEVICE_STATES = ['active', 'revoked', 'expired'] as const;

export const DeviceView = z.object({
  id: Uuid,
  name: z.string(),
  user: z.object({ id: Uuid, displayName: z.string() }),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  state: z.enum(DEVICE_STATES),
  revokedAt: z.string().nullable(),
  /** Who revoked it: its user, a supervisor, an administrator, or the expiry after no contact. */
  revokedReason: z.enum(['user', 'supervisor', 'admin', 'expired']).nullable(),
});

export const RegisterDeviceRequest = z.strictObject({
  /** What the user calls it ("Teléfono de la unidad de Encarnación"); no personal data. */
  name: z.string().trim().min(1).max(80),
});
export const RegisterDeviceResponse = z.object({
  device: DeviceView,
  /** Proves "this device" when asking for the key; shown once, stored on the device only. */
  secret: Key32,
  /** Wraps the device's data key (beside the PIN-derived key); the device never stores it in clear. */
  deviceKey: Key32,
  /** No contact for this many days and the device is expired (it wipes itself). */
  expiryDays: z.number().int(),
});

export const ListDevicesQuery = z.strictObject({
  /** `mine` (default) or, for supervisors and administrators, every device of their institution. */
  scope: z.enum(['mine', 'institution']).default('mine'),
});
export const DeviceList = z.object({ items: z.array(DeviceView) });

export const UnlockDeviceRequest = z.strictObject({ secret: Key32 });
export const UnlockDeviceResponse = z.object({ deviceKey: Key32, expiryDays: z.number().int() });

/** The consent of the intake's person (implied), with the checks of `recordConsent`. */
export const IntakeConsent = withConsentChecks(RecordConsentObject.omit({ personId: true }));

/** The status decision taken at the end of an intake: its person and screening are the intake's. */
export const IntakeDecision = DecideStatusRequest.omit({
  personId: true,
  screeningId: true,
  reviewsDecisionId: true,
});

/**
 * A whole intake sent as one request (submitIntake), by the intake wizard when the user confirms it
 * and by the offline app at sync: the person (new, or an existing one chosen at the duplicate review), the case, the screening, the trafficking-status
 * decision, the trafficking events, the exploitation, the needs and the consent, written in one
 * transaction — all or nothing, one Idempotency-Key. Every part but the person and the case may be
 * left out (older clients send none of the later ones).
 */
export const SubmitIntakeRequest = z
  .strictObject({
    /** A new person; `confirmNotDuplicate` once the user has seen the possible duplicates. */
    person: CreatePersonRequest.nullable().default(null),
    /** An existing person the user recognised among the possible duplicates. */
    personId: Uuid.nullable().default(null),
    case: CreateCaseRequest,
    screening: SubmitScreeningRequest.omit({ personId: true }).nullable().default(null),
    /** Events of the person (the intake's person is implied). */
    events: z
      .array(withEventChecks(AddEventObject.omit({ personId: true })))
      .max(10)
      .default([]),
    /** The trafficking-status decision on the person, with the screening's assessment in view. */
    decision: IntakeDecision.nullable().default(null),
    /** What the person went through: exploitation, control, recruitment. */
    exploitation: ExploitationRequest.nullable().default(null),
    /** The person's needs, matched against the directory when written. */
    needs: z
      .array(RecordNeedRequest.omit({ personId: true }))
      .max(20)
      .default([]),
    /** The person's consent to referral (a child's given by a parent, guardian or authority). */
    consent: IntakeConsent.nullable().default(null),
    /** When it was completed on an offline device (ISO date-time), recorded on the case's timeline. */
    capturedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => (v.person === null) !== (v.personId === null), {
    message: 'issue.personOrExisting',
    path: ['person'],
  })
  // A new person's age is known here: a child's own consent is refused before anything is written
  // (or queued on a device). An existing person's age is checked by the server (recordConsent).
  .refine(
    (v) => !(v.consent && v.person && ownConsentOfChild(v.consent, typedMinor(v.person, paraguayToday()))),
    {
      message: 'issue.childConsentGiver',
      path: ['consent', 'givenBy'],
    },
  );
export const SubmitIntakeResponse = z.object({
  caseId: Uuid,
  reference: z.string(),
  personId: Uuid,
  screeningId: Uuid.nullable(),
  eventIds: z.array(Uuid),
  decisionId: Uuid.nullable(),
  needIds: z.array(Uuid),
  consentId: Uuid.nullable(),
});

/**
 * The keys that encrypt the intake wizard's draft on the device (docs/adr/0003-intake-draft.md):
 * derived on the server for the signed-in user and one day-long window, never stored on the device.
 * A draft sealed under `previous` can still be read; one older than that cannot, by anyone.
 */
const DraftKey = z.object({ window: z.number().int(), key: Key32 });
export const IntakeDraftKeys = z.object({
  current: DraftKey,
  previous: DraftKey,
  /** A draft older than this is discarded, whatever its key. */
  maxAgeHours: z.number().int(),
});
