/** Path parameters the contracts share. */
import { z } from 'zod';
import { Uuid } from '../api.js';

/** `{id}`: the record the operation is about. */
export const IdParams = z.strictObject({ id: Uuid });
