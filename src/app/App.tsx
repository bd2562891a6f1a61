import { DesignerCanvas } from "../designer/DesignerCanvas.tsx";
import { Palette } from "../designer/Palette.tsx";
import { DropZone } from "../importExport/DropZone.tsx";
import { ImportButton } from "../importExport/ImportButton.tsx";
import { ShareButton } from "../importExport/ShareButton.tsx";
import { Inspector } from "../inspector/Inspector.tsx";
import { RuleSetPanel } from "../ruleset/RuleSetPanel.tsx";
import { SimulatorDock } from "../simulator/SimulatorDock.tsx";
import { TemplatesButton } from "../templates/TemplatesButton.tsx";
import { useActiveRule } from "../document/useDocument.ts";
import { lazyPanel, PanelFrame } from "../ui/lazyPanel.tsx";
import { AppLayout } from "./AppLayout.tsx";
import { Banner } from "./Banner.tsx";
import { Header } from "./Header.tsx";
import { PanelTabs, type PanelTab } from "./PanelTabs.tsx";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts.ts";
import { useLinkNavigation } from "./useLinkNavigation.ts";
import { usePanelSizes } from "./usePanelSizes.ts";

// The Inspector is what the right panel shows at start (so it is in the entry chunk and never
// shows a loading state); the rule source and the SQL / Java exporters are chunks loaded on first
// show, or in the background once the app has settled.
const RuleSourceView = lazyPanel(() => import("../editors/RuleSourceView.tsx").then((m) => m.RuleSourceView));
const ExportPanel = lazyPanel(() => import("../exports/ExportPanel.tsx").then((m) => m.ExportPanel));

/** The right panel's tabs, the first shown at start. */
const rightTabs: readonly PanelTab[] = [
  { id: "inspector", label: "Inspector", panel: Inspector },
  { id: "source", label: "Source", panel: RuleSourceView },
  { id: "export", label: "Export", panel: ExportPanel },
];

/**
 * The canvas in an error boundary of its own, tried again whenever the active rule changes: a
 * rule it cannot draw shows a message there, while the rule list, the Source view and Undo stay
 * at hand to put it right (a failure once blanked the whole app).
 */
function CanvasFrame() {
  const rule = useActiveRule();
  return <PanelFrame label="canvas" panel={DesignerCanvas} testId="designer.frame" resetKey={rule} />;
}

/** CEP Studio: the designer's panels around the canvas, the simulator docked below. */
export function App() {
  const { sizes, resize, setDockCollapsed } = usePanelSizes();
  useKeyboardShortcuts();
  useLinkNavigation();
  return (
    <>
      <DropZone />
      <AppLayout
        header={
          <Header
            actions={
              <>
                <ImportButton />
                <TemplatesButton />
                <ShareButton />
              </>
            }
            dockCollapsed={sizes.dockCollapsed}
            onToggleDock={() => {
              setDockCollapsed(!sizes.dockCollapsed);
            }}
          />
        }
        banner={<Banner />}
        left={
          <>
            <div className="app-left__ruleset">
              <RuleSetPanel />
            </div>
            <div className="app-left__palette">
              <Palette />
            </div>
          </>
        }
        center={<CanvasFrame />}
        right={<PanelTabs label="Rule details" testId="app.right" tabs={rightTabs} />}
        dock={<SimulatorDock />}
        sizes={sizes}
        onResize={resize}
        onDockCollapsed={setDockCollapsed}
      />
    </>
  );
}
