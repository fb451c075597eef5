/** What every form of the investigation page's dialog receives (kept apart so forms import no dialog). */
import type { Investigation } from './client.js';

export interface FormProps {
  investigation: Investigation;
  onClose(): void;
  onSaved(message: string, next: Investigation): void;
}
