import { useState } from "react";
import { useNavigate } from "react-router";
import { errorsFromError, type Checked, type FieldErrors } from "./form-errors.ts";

/** One save: the checked form, the request that saves it, and where to go after. */
export interface Submission {
  checked: Checked<unknown>;
  /** Sends the save; anything it throws becomes field errors. */
  send: () => Promise<unknown>;
  /** Where to go once saved, and the success message shown there. */
  to: string;
  flash: string;
}

/** The form's errors and busy flag, plus `submit` which runs one save. */
export interface FormSubmit {
  errors: FieldErrors;
  setErrors: (errors: FieldErrors) => void;
  busy: boolean;
  submit: (submission: Submission) => Promise<void>;
}

/**
 * The save flow every form shares: show the check's errors and stop, or send, then go to the
 * next page with a flash; a refused save (including a 412 edit conflict) shows the API's errors.
 */
export function useFormSubmit(): FormSubmit {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  async function submit({ checked, send, to, flash }: Submission): Promise<void> {
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await send();
      void navigate(to, { state: { flash } });
    } catch (error) {
      setErrors(errorsFromError(error));
      setBusy(false);
    }
  }

  return { errors, setErrors, busy, submit };
}
