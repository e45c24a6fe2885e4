import { z } from 'zod';
import { roles } from '../../core/auth/roles.ts';
import { passwordRules } from '../../core/auth/passwords.ts';
import { communeCode, pageOf, pageQuery, provinceCode, uuid } from '../../core/http/schemas.ts';

export const role = z.enum(roles);

export const user = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role,
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    producerId: z.string().nullable(),
    producerName: z.string().nullable(),
    isActive: z.boolean(),
    isDemo: z.boolean(),
    mustChangePassword: z.boolean(),
    locale: z.enum(['vi', 'en']),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

const username = z
  .string()
  .trim()
  .min(3, { message: 'Tên đăng nhập cần ít nhất 3 ký tự.' })
  .max(60, { message: 'Tên đăng nhập tối đa 60 ký tự.' })
  .regex(/^[a-zA-Z0-9._-]+$/, { message: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -' });

export const password = z
  .string()
  .min(passwordRules.minLength, { message: `Mật khẩu cần ít nhất ${passwordRules.minLength} ký tự.` })
  .max(passwordRules.maxLength, { message: `Mật khẩu tối đa ${passwordRules.maxLength} ký tự.` });

const displayName = z.string().trim().min(1, { message: 'Họ tên không được để trống.' }).max(120);
const email = z.email({ message: 'Địa chỉ email không hợp lệ.' }).max(200);

/** Role and administrative scope, checked together by validateAssignment(). */
export const assignment = z.object({
  role,
  provinceCode: provinceCode.nullable().default(null),
  communeCode: communeCode.nullable().default(null),
  producerId: uuid.nullable().default(null),
});
export type Assignment = z.infer<typeof assignment>;

export const createUserBody = assignment
  .extend({
    username,
    displayName,
    email: email.nullable().default(null),
    locale: z.enum(['vi', 'en']).default('vi'),
    /** Leave empty to generate a temporary password that must be changed at first login. */
    password: password.optional(),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    version: z.number().int().min(1),
    displayName: displayName.optional(),
    email: email.nullable().optional(),
    locale: z.enum(['vi', 'en']).optional(),
    role: role.optional(),
    provinceCode: provinceCode.nullable().optional(),
    communeCode: communeCode.nullable().optional(),
    producerId: uuid.nullable().optional(),
  })
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const versionBody = z.object({ version: z.number().int().min(1) }).strict();

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  province: provinceCode.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userPage = pageOf(user);
export const userParams = z.object({ id: uuid });

export const loginBody = z.object({
  username: z.string().trim().min(1, { message: 'Nhập tên đăng nhập.' }).max(60),
  password: z.string().min(1, { message: 'Nhập mật khẩu.' }).max(passwordRules.maxLength),
});

export const sessionAnswer = z.object({ user, csrfToken: z.string() }).meta({ id: 'Session' });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password });

export const temporaryPasswordAnswer = z.object({ user, temporaryPassword: z.string() });

/** temporaryPassword is shown once, when no password was given. */
export const createdUserAnswer = z.object({ user, temporaryPassword: z.string().nullable() });
