/**
 * Where a form or page announces its outcome. Both regions are always in the page (empty when
 * quiet) because screen readers only announce changes to live regions they already know.
 */
export function LiveRegion({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <div className="live-region">
      <div role="alert" aria-atomic="true">
        {error && <p className="notice notice--error">{error}</p>}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true">
        {success && <p className="notice notice--success">{success}</p>}
      </div>
    </div>
  );
}
