import { DesignerCanvas } from "../designer/DesignerCanvas.tsx";
import { Palette } from "../designer/Palette.tsx";
import { RuleSourceView } from "../editors/RuleSourceView.tsx";
import { ExportPanel } from "../exports/ExportPanel.tsx";
import { DropZone } from "../importExport/DropZone.tsx";
import { ImportButton } from "../importExport/ImportButton.tsx";
import { ShareButton } from "../importExport/ShareButton.tsx";
import { Inspector } from "../inspector/Inspector.tsx";
import { RuleSetPanel } from "../ruleset/RuleSetPanel.tsx";
import { SimulatorDock } from "../simulator/SimulatorDock.tsx";
import { TemplatesButton } from "../templates/TemplatesButton.tsx";
import { AppLayout } from "./AppLayout.tsx";
import { Banner } from "./Banner.tsx";
import { Header } from "./Header.tsx";
import { PanelTabs } from "./PanelTabs.tsx";
import { useKeyboardShortcuts } from "./useKeyboardShortcuts.ts";
import { usePanelSizes } from "./usePanelSizes.ts";

/** CEP Studio: the designer's panels around the canvas, the simulator docked below. */
export function App() {
  const { sizes, resize, setDockCollapsed } = usePanelSizes();
  useKeyboardShortcuts();
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
        center={<DesignerCanvas />}
        right={
          <PanelTabs
            label="Rule details"
            testId="app.right"
            tabs={[
              { id: "inspector", label: "Inspector", content: <Inspector /> },
              { id: "source", label: "Source", content: <RuleSourceView /> },
              { id: "export", label: "Export", content: <ExportPanel /> },
            ]}
          />
        }
        dock={<SimulatorDock />}
        sizes={sizes}
        onResize={resize}
        onDockCollapsed={setDockCollapsed}
      />
    </>
  );
}
