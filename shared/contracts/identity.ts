import * as z from 'zod/mini'
import { Me } from '../schemas/user'
import { access, defineContracts } from './contract'

export const Health = z.object({ status: z.literal('ok'), checks: z.object({ table: z.literal('ok') }) })

export const identity = defineContracts('identity', {
  health: {
    method: 'GET',
    path: '/health',
    summary: 'Readiness: the API answers and reaches its table (503 otherwise)',
    access: access.public,
    response: Health,
  },
  openapi: {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This document',
    access: access.public,
    response: { contentType: 'application/json' },
  },
  me: { method: 'GET', path: '/me', summary: 'The signed-in user', access: access.signedIn, response: Me },
})
