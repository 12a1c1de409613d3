use hoinghi_core::model::{AppInfo, IpcError};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    let database_path = state.db_path.display().to_string();
    state
        .run(move |db| {
            Ok::<_, hoinghi_core::CoreError>(AppInfo {
                version: env!("CARGO_PKG_VERSION").to_string(),
                database_path,
                schema_version: db.schema_version()? as u32,
            })
        })
        .await
}
