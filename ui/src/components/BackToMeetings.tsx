import { useNavigate } from "react-router";
import { useI18n } from "../i18n";

/** "← Danh sách cuộc họp": back to the list of meetings, from a meeting or from settings. */
export function BackToMeetings() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="button ghost"
      data-testid="back-to-meetings"
      onClick={() => navigate("/")}
    >
      {t("meetings.back")}
    </button>
  );
}
