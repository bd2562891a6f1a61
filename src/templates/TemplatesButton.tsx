/** The header's Templates button: opens the template gallery. */
import { useState } from "react";
import { TemplateGallery } from "./TemplateGallery.tsx";

/** Opens the gallery of seed scenarios and common pattern shapes. */
export function TemplatesButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="app-button"
        aria-haspopup="dialog"
        data-testid="templates.button"
        onClick={() => {
          setOpen(true);
        }}
      >
        Templates
      </button>
      {open && (
        <TemplateGallery
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
