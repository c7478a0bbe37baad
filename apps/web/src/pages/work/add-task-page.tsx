import { taskCreateSchema } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { createTask } from "../../api/casework.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";

/** Add a task for yourself, on a case (from the case page) or on its own. */
export function AddTaskPage() {
  const [params] = useSearchParams();
  const caseId = params.get("caseId") ?? undefined;
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  usePageTitle("Add a task", Object.keys(errors).length > 0);
  const back = caseId ? `/cases/${caseId}` : "/work";
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { title, dueDate, ...(caseId && { caseId }) };
    void submit({ checked: check(taskCreateSchema, body, { title: "Enter what needs doing", dueDate: "Enter the date it is due" }), send: () => createTask(body), to: back, flash: `Task added: ${title}` });
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Add a task</h1>
      <form noValidate onSubmit={onSubmit}>
        <TextField name="title" label="What needs doing" error={errors.title} value={title} onChange={setTitle} />
        <TextField name="dueDate" label="Due date" hint="For example, 2025-04-23" width="10" error={errors.dueDate} value={dueDate} onChange={setDueDate} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>Add task</button>
          <Link className="govuk-link" to={back}>Cancel</Link>
        </div>
      </form>
    </>
  );
}
