import { z } from 'zod';
import type { Profile } from '../../miniprogram/domain/api-types';
import { missionSchema } from './schemas';

export const profileSchema = z.object({
  id: z.string(),
  identity: z
    .object({
      name: z.string(),
      idType: z.enum(['resident_id', 'passport']),
      idNumberMasked: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      verifiedAt: z.string(),
    })
    .nullable(),
  mission: missionSchema.nullable(),
}) satisfies z.ZodType<Profile>;
