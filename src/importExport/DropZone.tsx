/**
 * Drag-and-drop import: a rule file dragged anywhere over the window shows a full-window overlay,
 * and dropping it opens the import dialog with the file read. Only drags carrying files react, so
 * the designer's own drags (palette → canvas) pass untouched, and so do drops an inner drop target
 * already took (it prevented their default). Mount once at the app root.
 */
import { useEffect, useState } from "react";
import { openImportDialog } from "./importDialogStore.ts";
import { readImportFile } from "./readImportFile.ts";
import "./DropZone.css";

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/** The window-wide drop target for rule files. */
export function DropZone() {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; a depth count tells when the drag left the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // allows the drop
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = 0;
      setDragging(false);
      // Taken by a drop target of its own (a data file dropped on the simulator): not a rule file.
      if (event.defaultPrevented) return;
      event.preventDefault(); // the browser would otherwise navigate to the file
      const file = event.dataTransfer?.files[0];
      if (file) void readImportFile(file).then(openImportDialog);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragover", onOver);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="import-drop" data-testid="import.dropOverlay" aria-hidden="true">
      <div className="import-drop__card">
        <strong>Drop a rule file to import it</strong>
        <span>dynamic-CEP JSON: a GraphSpec, a rule or an array of rules</span>
      </div>
    </div>
  );
}
