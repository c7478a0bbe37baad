import type { FieldErrors } from "../../components/form-errors.ts";
import type { CheckRequest } from "./check-protocol.ts";

/** The check form's errors by field (files, year, la); empty when the files can be checked. */
export function checkForm(kind: CheckRequest["kind"], files: readonly { readonly name: string }[], year: string, la: string): FieldErrors {
  const errors: FieldErrors = {};
  if (files.length === 0) errors.files = kind === "cin" ? "Choose the CIN census XML file" : "Choose the SSDA903 files to check";
  else if (files.some((f) => !/\.(csv|xml)$/i.test(f.name))) errors.files = "Choose .csv or .xml files only";
  if (kind === "ssda903") {
    if (!/^(19|20)\d{2}$/.test(year.trim())) errors.year = "Enter the year the collection starts, like 2025";
    // County councils (E10) are children's services authorities too: their files are checked here even where the server does not hold them.
    if (!/^E(0[6-9]|10)\d{6}$/.test(la.trim())) errors.la = "Enter your authority's ONS code, like E09000033";
  }
  return errors;
}
