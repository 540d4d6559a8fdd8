import { Hono } from 'hono'
import { AuditPageQuery, EntityAuditQuery } from '../../shared/schemas/audit'
import { requireRole } from '../auth/guards'
import { auditRepository } from '../data/audit'
import type { Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { validate } from '../http/validate'

/** A partner's audit trail: every change to its records, newest first (GET /partners/{pid}/audit). */
export const partnerAuditApp = ({ db }: Deps) => {
  const audit = auditRepository(db)
  return new Hono<PortalEnv>().get('/', validate('query', AuditPageQuery), async (c) =>
    c.json(await audit.listForPartner(c.var.partnerId, c.req.valid('query'))),
  )
}

/** Staff: one entity's history across the program (GET /audit?entity=partner:lutron). */
export const entityAuditApp = ({ db }: Deps) => {
  const audit = auditRepository(db)
  return new Hono<PortalEnv>().get('/', requireRole('staff'), validate('query', EntityAuditQuery), async (c) => {
    const { entity, ...page } = c.req.valid('query')
    return c.json(await audit.listForEntity(entity.type, entity.id, page))
  })
}
