import { useI18n } from "../../i18n";
import { type Meeting, type MeetingInput, useBackend } from "../../ipc";
import { MeetingForm } from "./MeetingForm";

function inputOf(m: Meeting): MeetingInput {
  return {
    title: m.title,
    kind: m.kind,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    venue: m.venue,
    chairName: m.chairName,
    chairTitle: m.chairTitle,
    secretaryName: m.secretaryName,
    secretaryTitle: m.secretaryTitle,
    notes: m.notes,
    status: m.status,
  };
}

export function InfoTab({ meeting, onSaved }: { meeting: Meeting; onSaved(m: Meeting): void }) {
  const backend = useBackend();
  const { t } = useI18n();
  return (
    <MeetingForm
      initial={inputOf(meeting)}
      savedMessage={t("info.saved")}
      onSubmit={async (input) => onSaved(await backend.updateMeeting(meeting.id, input))}
    />
  );
}
