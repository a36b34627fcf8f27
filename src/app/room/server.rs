//! The room's HTTP server (docs/room-api.md): the participant page, a small JSON API, a stream of
//! change events, and the facilitator's controls behind a host token. Every request passes the
//! Host/Origin check (no DNS rebinding), bodies are capped, and every refusal is `{code, message}`.

use super::api::{
    CardView, JoinReply, JoinRequest, LaneView, MapView, NoteView, RatingRequest, RoomView,
    StageView, TimerView, VoteReply, VoteRequest,
};
use super::state::{NoteRequest, Room};
use super::{RoomError, RoomPhase};
use crate::app::Session;
use crate::model::{Changes, Id, Project};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, watch};

/// Request bodies larger than this are refused (413).
pub const MAX_BODY_BYTES: usize = 16 * 1024;
/// A connection that has not sent a whole request head this long after opening (or after its
/// last answer) is closed: slow senders and idle keep-alive connections cannot pile up.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(10);
/// A request whose body has not arrived (or whose answer is not ready) by then is refused.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Where the room listens and which map it workshops.
#[derive(Debug, Clone)]
pub struct RoomOptions {
    pub bind: IpAddr,
    /// 0: any free port.
    pub port: u16,
    pub map_id: Id,
}

/// Told of each contribution once it is written: the changes and a label for the host's history.
pub type ChangeListener = Arc<dyn Fn(&Changes, &str) + Send + Sync>;

/// The host's side: the session every contribution is written through, and who to tell.
#[derive(Clone)]
pub struct RoomHost {
    pub session: Arc<Mutex<Session>>,
    /// Called after a contribution is written, with the changes and a label for the host's
    /// history (the desktop shows them on the canvas as an undoable step).
    pub on_change: ChangeListener,
}

struct Shared {
    room: Mutex<Room>,
    host: RoomHost,
    events: broadcast::Sender<u64>,
    version: AtomicU64,
    closed: watch::Receiver<bool>,
    port: u16,
    host_token: String,
    url: String,
}

/// A running room. Dropping it does not stop the server: call [`RoomHandle::close`].
pub struct RoomHandle {
    /// The address to give participants, e.g. `http://192.168.1.20:41234/`.
    pub url: String,
    pub code: String,
    pub port: u16,
    /// The facilitator's token for the `/api/host/…` controls.
    pub host_token: String,
    close: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
    shared: Arc<Shared>,
}

/// The facilitator's view of the room: what the desktop's room panel and `GET /api/host` show.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RoomState {
    pub url: String,
    pub code: String,
    pub phase: RoomPhase,
    pub locked: bool,
    pub vote_budget: u32,
    pub participants: Vec<ParticipantView>,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantView {
    pub id: Id,
    pub name: String,
    pub notes: u32,
    pub votes: u32,
    pub ratings: u32,
    /// Has the room's page open now.
    pub connected: bool,
}

impl Shared {
    fn state(&self) -> RoomState {
        // A participant's notes still on the map: the facilitator may have undone or deleted some.
        let session = lock(&self.host.session);
        let room = lock(&self.room);
        let on_map: std::collections::HashSet<Id> = session
            .without_feedback()
            .map(|p| p.notes.iter().map(|n| n.id).collect())
            .unwrap_or_default();
        let mut participants: Vec<ParticipantView> = room
            .participants()
            .map(|p| ParticipantView {
                id: p.id,
                name: p.name.clone(),
                notes: room.notes_on_map(p.id, &on_map),
                votes: session
                    .without_feedback()
                    .map_or(0, |project| room.votes_on_map(p.id, project)),
                ratings: session.without_feedback().map_or(0, |project| {
                    u32::try_from(room.ratings_of(p.id, project).len()).unwrap_or(u32::MAX)
                }),
                connected: p.streams > 0,
            })
            .collect();
        participants.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        RoomState {
            url: self.url.clone(),
            code: room.code.clone(),
            phase: room.phase,
            locked: room.locked,
            vote_budget: room.vote_budget,
            participants,
        }
    }

    fn set_phase(&self, phase: RoomPhase) {
        lock(&self.room).phase = phase;
        self.changed();
    }

    fn set_locked(&self, locked: bool) {
        lock(&self.room).locked = locked;
    }

    fn set_budget(&self, votes: u32) -> Reply<()> {
        if !(1..=50).contains(&votes) {
            return Err(RoomError::invalid("a vote budget is 1 to 50 dots"));
        }
        lock(&self.room).vote_budget = votes;
        self.changed();
        Ok(())
    }

    /// Removes a participant; their ratings leave the room's curve (their notes and votes stay
    /// on the map, for the facilitator to keep or delete).
    fn remove(&self, participant: Id) -> Reply<()> {
        let mut session = lock(&self.host.session);
        let mut room = lock(&self.room);
        if let Some(changes) = room.remove(participant, session.without_feedback()?) {
            if !changes.is_empty() {
                self.write(&mut session, &changes, "Ratings of a removed participant")?;
            }
            drop((room, session));
            self.changed();
            Ok(())
        } else {
            Err(RoomError::new(404, "not-found", "no such participant"))
        }
    }
}

impl RoomHandle {
    /// Stops the room without waiting (for callers outside the async runtime).
    pub fn stop(self) {
        let _ = self.close.send(true);
    }

    pub fn state(&self) -> RoomState {
        self.shared.state()
    }

    /// The facilitator changed the project (an edit, an undo): participants fetch the map again.
    pub fn host_changed(&self) {
        self.shared.changed();
    }

    pub fn set_phase(&self, phase: RoomPhase) {
        self.shared.set_phase(phase);
    }

    /// A locked room lets nobody new in; those inside stay.
    pub fn set_locked(&self, locked: bool) {
        self.shared.set_locked(locked);
    }

    pub fn set_budget(&self, votes: u32) -> Result<(), RoomError> {
        self.shared.set_budget(votes)
    }

    pub fn remove(&self, participant: Id) -> Result<(), RoomError> {
        self.shared.remove(participant)
    }

    /// Shows (or with `None` hides) the workshop timer on every participant's screen.
    pub fn set_timer(&self, timer: Option<(u32, bool)>) {
        lock(&self.shared.room).set_timer(timer, Instant::now());
        self.shared.changed();
    }

    /// Stops listening and ends every open event stream; returns once the server has stopped.
    /// Every accepted contribution was already written when it was accepted.
    pub async fn close(self) {
        let _ = self.close.send(true);
        let _ = self.task.await;
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts a room on `runtime`. The port is bound before this returns, so a taken port is an
/// error here, not later.
pub fn start(
    host: RoomHost,
    options: RoomOptions,
    runtime: &tokio::runtime::Handle,
) -> crate::Result<RoomHandle> {
    {
        let session = lock(&host.session);
        let project = session.without_feedback()?;
        if !project.maps.iter().any(|m| m.id == options.map_id) {
            return Err(crate::Error::NotFound {
                kind: "map",
                id: options.map_id.to_string(),
            });
        }
    }
    let where_ = format!("cannot open the room on {}:{}", options.bind, options.port);
    let io = |e| crate::Error::io(where_.clone(), e);
    let listener = std::net::TcpListener::bind((options.bind, options.port)).map_err(io)?;
    listener.set_nonblocking(true).map_err(io)?;
    let port = listener.local_addr().map_err(io)?.port();
    let room = Room::new(options.map_id);
    let code = room.code.clone();
    let host_token = super::state::token();
    let shown = if options.bind.is_unspecified() {
        lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
    } else {
        options.bind
    };
    let url = match shown {
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
        IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
    };
    let (close, closed) = watch::channel(false);
    let shared = Arc::new(Shared {
        room: Mutex::new(room),
        host,
        events: broadcast::channel(64).0,
        version: AtomicU64::new(0),
        closed: closed.clone(),
        port,
        host_token: host_token.clone(),
        url: url.clone(),
    });
    let app = router(shared.clone());
    let task = runtime.spawn(async move {
        let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
            return;
        };
        serve(listener, app, closed).await;
    });
    Ok(RoomHandle {
        url,
        code,
        port,
        host_token,
        close,
        task,
        shared,
    })
}

/// Accepts connections until the room closes, each served over HTTP/1.1 with [`IDLE_TIMEOUT`];
/// then lets the requests in flight finish (event streams end with the room) for a few seconds.
async fn serve(listener: tokio::net::TcpListener, app: Router, mut closed: watch::Receiver<bool>) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(IDLE_TIMEOUT);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else {
                    // Out of file descriptors, say: wait a moment rather than spin.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let service = TowerToHyperService::new(
                    app.clone().layer(axum::Extension(ConnectInfo(peer))),
                );
                let connection = http.serve_connection(TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            () = async {
                let _ = closed.wait_for(|c| *c).await;
            } => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(5), graceful.shutdown()).await;
}

/// The address other machines on the network reach this one at: the source address the system
/// would use toward a public address (a UDP "connection" sends nothing).
fn lan_address() -> Option<IpAddr> {
    let socket = std::net::UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/room.js", get(script))
        .route("/room.css", get(style))
        .route("/api/join", post(join))
        .route("/api/room", get(room_view))
        .route("/api/map.svg", get(map_picture))
        .route("/api/notes", post(add_note))
        .route("/api/votes", post(add_vote))
        .route("/api/ratings", post(add_rating))
        .route("/api/events", get(events))
        .route("/api/host", get(host_view))
        .route("/api/host/phase", post(set_phase))
        .route("/api/host/lock", post(set_lock))
        .route("/api/host/budget", post(set_budget))
        .route("/api/host/timer", post(set_timer))
        .route("/api/host/participants/{id}", delete(remove_participant))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(shared.clone(), guard))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(shared)
}

impl IntoResponse for RoomError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        (
            status,
            Json(serde_json::json!({ "code": self.code, "message": self.message })),
        )
            .into_response()
    }
}

type Reply<T> = Result<T, RoomError>;

/// Host and Origin must name this machine by IP address (or `localhost`) and this port: a page
/// from another site, even one whose name resolves here, is refused.
async fn guard(
    State(shared): State<Arc<Shared>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !is_our_host(host, shared.port) {
        return RoomError::forbidden("forbidden-host", "this address is not the room's")
            .into_response();
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let ok = origin
            .to_str()
            .ok()
            .and_then(|o| o.strip_prefix("http://"))
            .is_some_and(|o| o.eq_ignore_ascii_case(host));
        if !ok {
            return RoomError::forbidden(
                "forbidden-origin",
                "requests from other sites are refused",
            )
            .into_response();
        }
    }
    // Handlers take no lock across an await, so one cut short here has changed nothing.
    let mut response = match tokio::time::timeout(REQUEST_TIMEOUT, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            RoomError::new(408, "timeout", "the request took too long to arrive").into_response()
        }
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    response
}

fn is_our_host(host: &str, port: u16) -> bool {
    let Some((name, p)) = host.rsplit_once(':') else {
        return false;
    };
    if p.parse::<u16>().ok() != Some(port) {
        return false;
    }
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok()
}

async fn not_found() -> RoomError {
    RoomError::new(404, "not-found", "no such page in the room")
}

fn parse<T: serde::de::DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Reply<T> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            RoomError::new(
                413,
                "too-large",
                format!("a request holds at most {} KB", MAX_BODY_BYTES / 1024),
            )
        } else {
            RoomError::invalid(e.body_text())
        }
    })?;
    serde_json::from_slice(&body)
        .map_err(|e| RoomError::invalid(format!("not the expected JSON: {e}")))
}

fn bearer(headers: &HeaderMap) -> Reply<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.strip_prefix("Bearer "))
        .map(str::to_owned)
        .ok_or_else(RoomError::not_joined)
}

fn require_host(shared: &Shared, headers: &HeaderMap) -> Reply<()> {
    let token = bearer(headers)?;
    if constant_time_eq(token.as_bytes(), shared.host_token.as_bytes()) {
        Ok(())
    } else {
        Err(RoomError::forbidden(
            "not-host",
            "only the facilitator can do that",
        ))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Shared {
    /// Writes a contribution through the host's session and tells everyone.
    fn write(&self, session: &mut Session, changes: &Changes, label: &str) -> Reply<()> {
        session.apply(changes)?;
        (self.host.on_change)(changes, label);
        self.changed();
        Ok(())
    }

    fn changed(&self) {
        let v = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = self.events.send(v);
    }
}

async fn page() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        super::page::HTML,
    )
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        super::page::SCRIPT,
    )
}

async fn style() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        super::page::STYLE,
    )
}

async fn join(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    body: Result<Bytes, BytesRejection>,
) -> Reply<Json<JoinReply>> {
    let request: JoinRequest = parse(body)?;
    let token = lock(&shared.room).join(&request.code, &request.name, from.ip(), Instant::now())?;
    shared.changed();
    Ok(Json(JoinReply { token }))
}

fn map_view(project: &Project, map_id: Id) -> MapView {
    use crate::model::{LANE_HEADER_WIDTH, STAGE_HEADER_HEIGHT};
    let name = project
        .maps
        .iter()
        .find(|m| m.id == map_id)
        .map_or_else(String::new, |m| m.name.clone());
    let mut x = LANE_HEADER_WIDTH;
    let stages = project
        .stages_of(map_id)
        .into_iter()
        .map(|s| {
            let v = StageView {
                id: s.id,
                name: s.name.clone(),
                x,
                width: s.width,
                room_rating: s.room_rating,
            };
            x += s.width;
            v
        })
        .collect();
    let mut y = STAGE_HEADER_HEIGHT;
    let lanes = project
        .lanes_of(map_id)
        .into_iter()
        .map(|l| {
            let v = LaneView {
                id: l.id,
                name: l.name.clone(),
                kind: l.kind,
                y,
                height: l.height,
            };
            y += l.height;
            v
        })
        .collect();
    let cards = project
        .touchpoints
        .iter()
        .filter(|t| t.map_id == map_id)
        .map(|t| CardView {
            id: t.id,
            title: t.title.clone(),
            x: t.x,
            y: t.y,
            width: t.width,
            height: t.height,
            reliability: t.reliability,
            moment_of_truth: t.moment_of_truth,
            votes: t.votes,
        })
        .collect();
    let notes = project
        .notes
        .iter()
        .filter(|n| n.map_id == map_id)
        .map(|n| NoteView {
            id: n.id,
            text: n.text.clone(),
            x: n.x,
            y: n.y,
            width: n.width,
            height: n.height,
            color: n.color.clone(),
            votes: n.votes,
            author: n.author.clone(),
        })
        .collect();
    MapView {
        name,
        stages,
        lanes,
        cards,
        notes,
    }
}

/// The map drawn by the same routine as the report and the SVG export (which follow the desktop
/// canvas): the page shows it under its own tap targets, in the same canvas units as `/api/room`.
async fn map_picture(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Reply<Response> {
    let token = bearer(&headers)?;
    let session = lock(&shared.host.session);
    let project = session.without_feedback()?;
    let room = lock(&shared.room);
    room.participant(&token)?;
    let svg = crate::export::map_svg(project, room.map_id, None)?;
    Ok((
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        svg,
    )
        .into_response())
}

async fn room_view(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Reply<Json<RoomView>> {
    let token = bearer(&headers)?;
    let session = lock(&shared.host.session);
    let project = session.without_feedback()?;
    let room = lock(&shared.room);
    let me = room.participant(&token)?;
    Ok(Json(RoomView {
        name: me.name.clone(),
        phase: room.phase,
        vote_budget: room.vote_budget,
        votes_left: room
            .vote_budget
            .saturating_sub(room.votes_on_map(me.id, project)),
        version: shared.version.load(Ordering::SeqCst),
        map: map_view(project, room.map_id),
        my_ratings: room.ratings_of(me.id, project),
        timer: room
            .timer(Instant::now())
            .map(|(remaining, running)| TimerView { remaining, running }),
    }))
}

async fn add_note(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<Response> {
    let token = bearer(&headers)?;
    let request: NoteRequest = parse(body)?;
    let mut session = lock(&shared.host.session);
    let mut room = lock(&shared.room);
    let changes = room.note(
        session.without_feedback()?,
        &token,
        &request,
        Instant::now(),
    )?;
    let Some(changes) = changes else {
        // A resend of a note already written.
        return Ok((
            StatusCode::OK,
            Json(serde_json::json!({ "id": request.id })),
        )
            .into_response());
    };
    let name = room.participant(&token)?.name.clone();
    shared.write(&mut session, &changes, &format!("Note from {name}"))?;
    room.noted(&token, request.id);
    Ok((
        StatusCode::CREATED,
        Json(serde_json::json!({ "id": request.id })),
    )
        .into_response())
}

async fn add_vote(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<Json<VoteReply>> {
    let token = bearer(&headers)?;
    let request: VoteRequest = parse(body)?;
    let mut session = lock(&shared.host.session);
    let mut room = lock(&shared.room);
    let target = request
        .note_id
        .or(request.card_id)
        .ok_or_else(|| RoomError::invalid("a vote names a noteId or a cardId"))?;
    let changes = room.vote(session.without_feedback()?, &token, target, Instant::now())?;
    let name = room.participant(&token)?.name.clone();
    shared.write(&mut session, &changes, &format!("Vote from {name}"))?;
    room.voted(&token, target);
    let me = room.participant(&token)?.id;
    let placed = room.votes_on_map(me, session.without_feedback()?);
    Ok(Json(VoteReply {
        votes_left: room.vote_budget.saturating_sub(placed),
    }))
}

async fn add_rating(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    let token = bearer(&headers)?;
    let request: RatingRequest = parse(body)?;
    let mut session = lock(&shared.host.session);
    let mut room = lock(&shared.room);
    let changes = room.rate(
        session.without_feedback()?,
        &token,
        request.stage_id,
        request.value,
        Instant::now(),
    )?;
    if !changes.is_empty() {
        let name = room.participant(&token)?.name.clone();
        shared.write(&mut session, &changes, &format!("Rating from {name}"))?;
    }
    room.rated(&token, request.stage_id, request.value);
    drop((room, session));
    shared.changed();
    Ok(StatusCode::NO_CONTENT)
}

/// A participant's open event stream; dropping it (the page went away) counts it off.
struct Connection {
    shared: Arc<Shared>,
    participant: Id,
}

impl Drop for Connection {
    fn drop(&mut self) {
        lock(&self.shared.room).disconnect(self.participant);
    }
}

#[derive(Deserialize)]
struct EventsQuery {
    token: String,
}

/// Server-sent events: `change` with the room's version whenever something changed (the page
/// then fetches `/api/room`), and `closed` when the facilitator closes the room. (EventSource cannot send headers, hence the token in the query.)
async fn events(
    State(shared): State<Arc<Shared>>,
    Query(q): Query<EventsQuery>,
) -> Reply<impl IntoResponse> {
    let participant = lock(&shared.room).connect(&q.token)?;
    // Counts the stream as the participant's connection until the stream is dropped.
    let guard = Connection {
        shared: shared.clone(),
        participant,
    };
    let rx = shared.events.subscribe();
    let closed = shared.closed.clone();
    let first = shared.version.load(Ordering::SeqCst);
    // The stream's state: the receivers, the version still to announce first, the participant's
    // connection, and whether the room has closed (after its `closed` event the stream ends).
    let stream = futures_util::stream::unfold(
        (rx, closed, Some(first), guard, false),
        |(mut rx, mut closed, first, guard, ended)| async move {
            if ended {
                return None;
            }
            if let Some(v) = first {
                let event = Event::default().event("change").data(v.to_string());
                return Some((Ok::<_, Infallible>(event), (rx, closed, None, guard, false)));
            }
            loop {
                tokio::select! {
                    r = rx.recv() => match r {
                        Ok(v) => {
                            let event = Event::default().event("change").data(v.to_string());
                            return Some((Ok(event), (rx, closed, None, guard, false)));
                        }
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                    r = closed.changed() => {
                        if r.is_err() || *closed.borrow() {
                            // Data must not be empty, or EventSource drops the event.
                            let event = Event::default().event("closed").data("closed");
                            return Some((Ok(event), (rx, closed, None, guard, true)));
                        }
                    }
                }
            }
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

async fn host_view(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
) -> Reply<Json<RoomState>> {
    require_host(&shared, &headers)?;
    Ok(Json(shared.state()))
}

#[derive(Deserialize)]
struct PhaseRequest {
    phase: RoomPhase,
}

async fn set_phase(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    require_host(&shared, &headers)?;
    let request: PhaseRequest = parse(body)?;
    shared.set_phase(request.phase);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct LockRequest {
    locked: bool,
}

async fn set_lock(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    require_host(&shared, &headers)?;
    let request: LockRequest = parse(body)?;
    shared.set_locked(request.locked);
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct BudgetRequest {
    votes: u32,
}

async fn set_budget(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    require_host(&shared, &headers)?;
    let request: BudgetRequest = parse(body)?;
    shared.set_budget(request.votes)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct TimerRequest {
    remaining: u32,
    running: bool,
}

async fn set_timer(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Reply<StatusCode> {
    require_host(&shared, &headers)?;
    let request: TimerRequest = parse(body)?;
    lock(&shared.room).set_timer(Some((request.remaining, request.running)), Instant::now());
    shared.changed();
    Ok(StatusCode::NO_CONTENT)
}

async fn remove_participant(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    UrlPath(id): UrlPath<Id>,
) -> Reply<StatusCode> {
    require_host(&shared, &headers)?;
    shared.remove(id)?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_ip_addresses_and_localhost_on_our_port_are_our_host() {
        assert!(is_our_host("127.0.0.1:8080", 8080));
        assert!(is_our_host("192.168.1.20:8080", 8080));
        assert!(is_our_host("[::1]:8080", 8080));
        assert!(is_our_host("localhost:8080", 8080));
        assert!(!is_our_host("evil.example:8080", 8080), "DNS rebinding");
        assert!(!is_our_host("127.0.0.1:9090", 8080));
        assert!(!is_our_host("127.0.0.1", 8080));
        assert!(!is_our_host("", 8080));
    }
}
