import type { ReactNode } from "react";
import type { FieldErrors } from "../../components/form-errors.ts";
import { FormPage } from "../../components/form-page.tsx";

/** The child's IRO page, which every IRO form returns to. */
export const iroPath = (personId: string) => `/people/${personId}/looked-after/iro`;

/** An IRO form: the child's name, the title, the error summary, the fields and the buttons. */
export function IroForm({ personId, childName, title, button, errors, busy, onSubmit, children, intro }: {
  personId: string;
  childName: string;
  title: string;
  button: string;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
  intro?: ReactNode;
}) {
  return <FormPage caption={childName} title={title} button={button} cancelTo={iroPath(personId)} errors={errors} busy={busy} onSubmit={onSubmit} intro={intro}>{children}</FormPage>;
}
