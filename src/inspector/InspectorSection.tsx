import { useId } from "react";
import type { ReactNode } from "react";
import { VisibleSentence } from "../ui/text/VisibleText.tsx";

export interface InspectorSectionProps {
  readonly title: string;
  /** Flink's name for the thing, or where it lives, shown muted after the title. */
  readonly subtitle?: string | undefined;
  readonly children: ReactNode;
}

/** A titled group of inspector fields. */
export function InspectorSection({ title, subtitle, children }: InspectorSectionProps) {
  const id = useId();
  return (
    <section className="inspector-section" aria-labelledby={id}>
      <h3 className="inspector-section__title" id={id}>
        {title}
        {subtitle && (
          <span className="inspector-section__subtitle">
            <VisibleSentence text={subtitle} />
          </span>
        )}
      </h3>
      {children}
    </section>
  );
}
