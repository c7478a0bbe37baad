import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import "./styles/main.scss";

// GOV.UK Frontend styles some components differently when JavaScript runs; the usual inline
// script is not allowed by the content security policy, so the classes are set here.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
