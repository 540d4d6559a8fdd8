import { useEffect, useState } from 'preact/hooks'
import { api } from '../api/contracts'

/**
 * The partner's certified SKUs: which active badges name each SKU (for the catalog's
 * markers). One small request beside the catalog's own; a failure only hides the markers.
 */
export function useCertifiedSkus(partnerId: string): Map<string, string[]> {
  const [bySku, setBySku] = useState(new Map<string, string[]>())
  useEffect(() => {
    const controller = new AbortController()
    api.certifications.badges({ params: { partnerId }, signal: controller.signal }).then(
      ({ data }) => {
        const map = new Map<string, string[]>()
        for (const badge of data.items) {
          if (badge.status !== 'active') continue
          for (const sku of badge.skus) map.set(sku, [...(map.get(sku) ?? []), badge.programName])
        }
        setBySku(map)
      },
      () => undefined,
    )
    return () => controller.abort()
  }, [partnerId])
  return bySku
}
