import type { LookedAfterRecord } from "@family-story/schemas";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { loadLookedAfter } from "../../api/looked-after.ts";
import { useLoad } from "../../api/use-api.ts";
import type { FieldErrors } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { FormPage } from "../../components/form-page.tsx";

/** Loads the child's looked-after record for a form page under /people/:id/looked-after. */
export function WithLacRecord({ children }: { children: (record: LookedAfterRecord) => ReactNode }) {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadLookedAfter(id), [id]);
  return <Loaded load={load}>{children}</Loaded>;
}

/** The record page a form returns to. */
export const recordPath = (personId: string) => `/people/${personId}/looked-after`;

/** A looked-after form: the child's name, the title, the error summary, the fields and the buttons. */
export function LacForm({ record, title, button, errors, busy, onSubmit, children, intro }: {
  record: LookedAfterRecord;
  title: string;
  button: string;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
  intro?: ReactNode;
}) {
  return <FormPage caption={record.child.name} title={title} button={button} cancelTo={recordPath(record.child.id)} errors={errors} busy={busy} onSubmit={onSubmit} intro={intro}>{children}</FormPage>;
}
