//! Team work: sharing a meeting, joining one, and the team's state
//! (`crate::team` does the listening and exchanging).

use hoinghi_core::model::{IpcError, JoinedMeeting, SharingState};
use hoinghi_core::Db;
use tauri::{AppHandle, Manager, State};

use crate::state::AppState;
use crate::team::{self, Team};

fn state_of(db: &mut Db, team: &Team, meeting_id: &str) -> Result<SharingState, IpcError> {
    Ok(hoinghi_sync::sharing_state(
        db,
        meeting_id,
        &team.addresses(),
        team.invitations.current(meeting_id),
        team.news(),
    )?)
}

#[tauri::command]
pub async fn sharing_state(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<SharingState, IpcError> {
    state
        .run(move |db| state_of(db, &app.state::<Team>(), &meeting_id))
        .await
}

#[tauri::command]
pub async fn share_meeting(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<SharingState, IpcError> {
    let id = meeting_id.clone();
    state.run(move |db| db.share_meeting(&id)).await?;
    invite(app, state, meeting_id).await
}

/// Issues a new six-word invitation into a shared meeting (the last one
/// stops working) and announces it on the LAN.
#[tauri::command]
pub async fn invite_to_meeting(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<SharingState, IpcError> {
    invite(app, state, meeting_id).await
}

async fn invite(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<SharingState, IpcError> {
    let team = app.state::<Team>();
    let invitations = team.invitations.clone();
    let id = meeting_id.clone();
    state
        .run(move |db| hoinghi_sync::invite(db, &invitations, &id))
        .await?;
    Team::start(&app)?;
    team.announce(&app);
    state
        .run(move |db| state_of(db, &app.state::<Team>(), &meeting_id))
        .await
}

#[tauri::command]
pub async fn join_meeting(app: AppHandle, code: String) -> Result<JoinedMeeting, IpcError> {
    let (secret, addresses) = hoinghi_sync::parse_pairing_code(&code)?;
    // Listening first, so that the host can connect back.
    Team::start(&app)?;
    let store = app.state::<AppState>().store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let team = app.state::<Team>();
        let addresses = if addresses.is_empty() {
            let found = team.find(&secret, std::time::Duration::from_secs(6));
            if found.is_empty() {
                return Err(IpcError::new(
                    hoinghi_core::model::ErrorKind::Conflict,
                    "Không tìm thấy máy chủ trì trong mạng nội bộ (máy đó chưa mở HoiNghi, khác \
                     mạng, hoặc mạng chặn việc tự tìm máy). Hãy nhập mã đầy đủ hiện trên máy \
                     chủ trì, có phần @địa chỉ (hoặc 6 chữ kèm phần @địa chỉ đó).",
                ));
            }
            found
        } else {
            addresses
        };
        let mut last = None;
        for address in addresses {
            match hoinghi_sync::exchange(&store, address, &secret, team.port()) {
                Ok(done) => {
                    team.announce(&app);
                    return Ok(JoinedMeeting {
                        meeting_id: done.meeting_id,
                        title: done.title,
                        received: done.received as u32,
                    });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.expect("there is at least one address").into())
    })
    .await
    .map_err(|e| IpcError::new(hoinghi_core::model::ErrorKind::Io, e.to_string()))?
}

#[tauri::command]
pub async fn set_sync_label(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    label: String,
) -> Result<SharingState, IpcError> {
    state
        .run(move |db| {
            db.set_sync_label(&label)?;
            state_of(db, &app.state::<Team>(), &meeting_id)
        })
        .await
}

#[tauri::command]
pub async fn sync_now(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<SharingState, IpcError> {
    let pulling = app.clone();
    let id = meeting_id.clone();
    tauri::async_runtime::spawn_blocking(move || team::pull_all(&pulling, Some(&id)))
        .await
        .map_err(|e| IpcError::new(hoinghi_core::model::ErrorKind::Io, e.to_string()))?;
    state
        .run(move |db| state_of(db, &app.state::<Team>(), &meeting_id))
        .await
}
