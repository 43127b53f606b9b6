-- audit_append(events): appends audit events to the hash chain (ADR 012, ADR 028) in ONE round
-- trip, called by the API as the last statement of a write transaction. The chain lock is then
-- held for this call and the commit only, not for the several round trips it took before.
--
-- Inside, as separate statements of a VOLATILE function (each takes a fresh snapshot in READ
-- COMMITTED, so the head read after the lock sees the event its previous holder committed): take
-- the chain lock, read the newest chained hash, then for each event take the next id, link and
-- insert. The hash is the same SHA-256 over the same canonical JSON as before (chain.ts): the
-- caller sends that text in four parts around the three values only known here (time, id,
-- prevHash), and this function joins them. So old and new rows verify alike.
--
-- events: a JSON array, in chain order, of objects with actorId, action, entityType, entityId,
-- orgId, before, after (the stored values, JSON null for none) and parts (four texts).
-- Semicolons inside the body are written \073: Prisma's migration runner splits at every one.
CREATE FUNCTION audit_append(events jsonb) RETURNS void LANGUAGE plpgsql VOLATILE AS E'
DECLARE
  prev text\073
  stamp timestamptz\073
  stamp_text text\073
  seq text\073
  next_id bigint\073
  e jsonb\073
  link text\073
BEGIN
  PERFORM pg_advisory_xact_lock(1635083380, 1)\073
  SELECT hash INTO prev FROM "AuditEvent" WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1\073
  prev := coalesce(prev, repeat(''0'', 64))\073
  stamp := date_trunc(''milliseconds'', clock_timestamp())\073
  stamp_text := to_char(stamp AT TIME ZONE ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')\073
  seq := pg_get_serial_sequence(''"AuditEvent"'', ''id'')\073
  FOR e IN SELECT x.value FROM jsonb_array_elements(events) WITH ORDINALITY AS x(value, n) ORDER BY x.n LOOP
    next_id := nextval(seq)\073
    link := encode(sha256(convert_to(
      (e->''parts''->>0) || stamp_text || (e->''parts''->>1) || next_id::text || (e->''parts''->>2) || prev || (e->''parts''->>3),
      ''UTF8'')), ''hex'')\073
    INSERT INTO "AuditEvent" (id, at, "actorId", action, "entityType", "entityId", "orgId", before, after, "prevHash", hash)
    VALUES (next_id, stamp, (e->>''actorId'')::uuid, e->>''action'', e->>''entityType'', e->>''entityId'',
            (e->>''orgId'')::uuid, nullif(e->''before'', ''null''::jsonb), nullif(e->''after'', ''null''::jsonb), prev, link)\073
    prev := link\073
  END LOOP\073
END ';
