//! Where imported cards go: maps, stages and lanes found by name or created (new lanes in the
//! order the sheet implies), lanes grown to fit, and cards laid out in their cells below the
//! cards already there.

use super::lane_kind;
use super::rows::{key, Row};
use crate::model::{
    Id, JourneyMap, Lane, MapKind, Project, Stage, Touchpoint, CARD_HEIGHT, CARD_WIDTH,
    LANE_HEADER_WIDTH, LANE_HEIGHT, STAGE_HEADER_HEIGHT, STAGE_WIDTH,
};
use crate::Result;
use std::collections::HashMap;

/// Space between cards, and between cards and the cell's edges.
const GAP: f64 = 16.0;

/// An imported card and the cell it belongs in.
#[derive(Clone)]
struct NewCard {
    map_id: Id,
    stage_id: Id,
    lane_id: Id,
    card: Touchpoint,
}

/// The project with every row added: maps, stages and lanes created by name as needed, lanes
/// grown to fit, and cards placed in their cells below the cards already there.
pub(super) fn place(
    project: &Project,
    rows: Vec<Row>,
    mut next_id: impl FnMut() -> Id,
) -> Result<Project> {
    let mut p = project.clone();
    let lane_order = lane_order(&rows);
    let lane_rank = |map: &str, lane: &str| {
        lane_order
            .get(&key(map))
            .and_then(|o| o.iter().position(|l| *l == key(lane)))
            .unwrap_or(usize::MAX)
    };
    // Lanes are created in that order: visit rows so each map's new lanes come up in turn.
    let mut creation: Vec<(String, String, usize)> = rows
        .iter()
        .map(|r| (r.map.clone(), r.lane.clone(), lane_rank(&r.map, &r.lane)))
        .collect();
    creation.sort_by_key(|c| c.2);
    let mut maps: HashMap<String, Id> = HashMap::new();
    for m in p.maps.iter().rev() {
        maps.insert(key(&m.name), m.id);
    }
    let mut ranked: Vec<(u32, u64, Id)> = Vec::new();
    let mut new_cards: Vec<NewCard> = Vec::new();
    for mut row in rows {
        let map_id = find_or_create_map(&mut p, &mut maps, &row.map, &mut next_id);
        let stage_id = find_or_create_stage(&mut p, map_id, &row.stage, &mut next_id);
        let lane_id = find_or_create_lane(&mut p, map_id, &row, &creation, &mut next_id);
        let id = next_id();
        if let Some(rank) = row.rank {
            ranked.push((rank, row.line, id));
        }
        row.card.id = id;
        new_cards.push(NewCard {
            map_id,
            stage_id,
            lane_id,
            card: row.card,
        });
    }
    let mut touched: Vec<Id> = Vec::new();
    for c in &new_cards {
        if !touched.contains(&c.map_id) {
            touched.push(c.map_id);
        }
    }
    for map_id in touched {
        lay_out(&mut p, map_id, &new_cards);
    }
    // Top ranks: appended in rank order after the touchpoints already chosen.
    ranked.sort();
    p.top_touchpoints
        .extend(ranked.into_iter().map(|(_, _, id)| id));
    let p = p.canonical();
    p.validate()?;
    Ok(p)
}

/// Each map's lanes (by key) in the order the sheet implies: first appearance, adjusted so that
/// within a stage, where rows run top to bottom, consecutive lanes keep their "above" order.
fn lane_order(rows: &[Row]) -> HashMap<String, Vec<String>> {
    let mut first: HashMap<(String, String), usize> = HashMap::new();
    let mut edges: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut last: HashMap<(String, String), String> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let (m, l) = (key(&r.map), key(&r.lane));
        first.entry((m.clone(), l.clone())).or_insert(i);
        let stage = (m.clone(), key(&r.stage));
        if let Some(prev) = last.insert(stage, l.clone()) {
            if prev != l {
                edges.entry(m.clone()).or_default().push((prev, l));
            }
        }
    }
    let mut by_map: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    for ((m, l), i) in &first {
        by_map.entry(m.clone()).or_default().push((*i, l.clone()));
    }
    let mut lane_order = HashMap::new();
    for (m, mut lanes) in by_map {
        lanes.sort();
        let names: Vec<String> = lanes.into_iter().map(|(_, l)| l).collect();
        let edges = edges.remove(&m).unwrap_or_default();
        lane_order.insert(m, topological(&names, &edges));
    }
    lane_order
}

/// `names` ordered so that each edge's first lane comes before its second where possible; ties
/// (and cycles) keep the given order.
fn topological(names: &[String], edges: &[(String, String)]) -> Vec<String> {
    let mut indegree: HashMap<&str, usize> = names.iter().map(|n| (n.as_str(), 0)).collect();
    for (_, b) in edges {
        *indegree.entry(b.as_str()).or_default() += 1;
    }
    let mut order = Vec::new();
    let mut left: Vec<&String> = names.iter().collect();
    while !left.is_empty() {
        // The earliest lane nothing unplaced must precede; on a cycle, the earliest.
        let pick = left
            .iter()
            .position(|n| indegree.get(n.as_str()).copied().unwrap_or(0) == 0)
            .unwrap_or(0);
        let n = left.remove(pick);
        for (a, b) in edges {
            if a == n {
                if let Some(d) = indegree.get_mut(b.as_str()) {
                    *d = d.saturating_sub(1);
                }
            }
        }
        order.push(n.clone());
    }
    order
}

fn find_or_create_map(
    p: &mut Project,
    maps: &mut HashMap<String, Id>,
    name: &str,
    next_id: &mut impl FnMut() -> Id,
) -> Id {
    if let Some(id) = maps.get(&key(name)) {
        return *id;
    }
    let id = next_id();
    let position = p.maps.iter().map(|m| m.position + 1).max().unwrap_or(0);
    let kind = if key(name).contains("to-be") || key(name).contains("to be") {
        MapKind::ToBe
    } else {
        MapKind::AsIs
    };
    p.maps.push(JourneyMap {
        id,
        name: name.to_owned(),
        kind,
        persona_id: None,
        description: String::new(),
        position,
        other_personas: Vec::new(),
    });
    maps.insert(key(name), id);
    id
}

fn find_or_create_stage(
    p: &mut Project,
    map_id: Id,
    name: &str,
    next_id: &mut impl FnMut() -> Id,
) -> Id {
    let stages = p.stages.iter().filter(|s| s.map_id == map_id);
    if let Some(s) = stages.clone().find(|s| key(&s.name) == key(name)) {
        return s.id;
    }
    let position = stages.map(|s| s.position + 1).max().unwrap_or(0);
    let id = next_id();
    p.stages.push(Stage {
        id,
        map_id,
        name: name.to_owned(),
        description: String::new(),
        position,
        width: STAGE_WIDTH,
        room_rating: None,
    });
    id
}

/// The row's lane; when it is new, every lane its map still needs is created, in the sheet's
/// order (`creation`), so the lanes come out in one consistent order.
fn find_or_create_lane(
    p: &mut Project,
    map_id: Id,
    row: &Row,
    creation: &[(String, String, usize)],
    next_id: &mut impl FnMut() -> Id,
) -> Id {
    let find = |p: &Project, name: &str| {
        p.lanes
            .iter()
            .find(|l| l.map_id == map_id && key(&l.name) == key(name))
            .map(|l| l.id)
    };
    if let Some(id) = find(p, &row.lane) {
        return id;
    }
    for (_, lane, _) in creation.iter().filter(|c| key(&c.0) == key(&row.map)) {
        if find(p, lane).is_some() {
            continue;
        }
        let id = next_id();
        let position = p
            .lanes
            .iter()
            .filter(|l| l.map_id == map_id)
            .map(|l| l.position + 1)
            .max()
            .unwrap_or(0);
        p.lanes.push(Lane {
            id,
            map_id,
            name: lane.clone(),
            kind: lane_kind(lane),
            position,
            height: LANE_HEIGHT,
        });
    }
    find(p, &row.lane).expect("created above")
}

/// Lays out one map's new cards: each in its cell, in rows below the lowest card already there;
/// lanes grow to fit and everything below a grown lane moves down with it.
fn lay_out(p: &mut Project, map_id: Id, new_cards: &[NewCard]) {
    let mut stages: Vec<Stage> = p
        .stages
        .iter()
        .filter(|s| s.map_id == map_id)
        .cloned()
        .collect();
    stages.sort_by_key(|s| (s.position, s.id));
    let mut lanes: Vec<Lane> = p
        .lanes
        .iter()
        .filter(|l| l.map_id == map_id)
        .cloned()
        .collect();
    lanes.sort_by_key(|l| (l.position, l.id));
    let mut stage_x = HashMap::new();
    let mut x = LANE_HEADER_WIDTH;
    for s in &stages {
        stage_x.insert(s.id, (x, s.width));
        x += s.width;
    }
    let mut old_top = HashMap::new();
    let mut y = STAGE_HEADER_HEIGHT;
    for l in &lanes {
        old_top.insert(l.id, y);
        y += l.height;
    }
    // Where new cards start in each cell: below the lowest card already there.
    let mut start: HashMap<(Id, Id), f64> = HashMap::new();
    for t in p.touchpoints.iter().filter(|t| t.map_id == map_id) {
        let rel = t.y + t.height - old_top.get(&t.lane_id).copied().unwrap_or(0.0);
        let e = start.entry((t.stage_id, t.lane_id)).or_insert(0.0);
        *e = e.max(rel);
    }
    let mut slot: HashMap<(Id, Id), usize> = HashMap::new();
    let mut needed: HashMap<Id, f64> = HashMap::new();
    let mut placed: Vec<(Touchpoint, f64)> = Vec::new();
    for new in new_cards.iter().filter(|c| c.map_id == map_id) {
        let (stage_id, lane_id) = (new.stage_id, new.lane_id);
        let mut card = new.card.clone();
        let (sx, sw) = stage_x[&stage_id];
        let per_row = (((sw - GAP) / (CARD_WIDTH + GAP)).floor() as usize).max(1);
        let k = slot.entry((stage_id, lane_id)).or_insert(0);
        let base = start.get(&(stage_id, lane_id)).copied().unwrap_or(0.0);
        let rel_y = base + GAP + (*k / per_row) as f64 * (CARD_HEIGHT + GAP);
        card.map_id = map_id;
        card.stage_id = stage_id;
        card.lane_id = lane_id;
        card.x = sx + GAP + (*k % per_row) as f64 * (CARD_WIDTH + GAP);
        *k += 1;
        let bottom = rel_y + CARD_HEIGHT + GAP;
        let need = needed.entry(lane_id).or_insert(0.0);
        *need = need.max(bottom);
        placed.push((card, rel_y));
    }
    // Grow lanes and work out how far each lane moves down.
    let mut shift = HashMap::new();
    let mut moved = 0.0;
    let mut new_top = HashMap::new();
    for l in &mut lanes {
        shift.insert(l.id, moved);
        new_top.insert(l.id, old_top[&l.id] + moved);
        if let Some(need) = needed.get(&l.id) {
            if *need > l.height {
                moved += need - l.height;
                l.height = *need;
            }
        }
    }
    for l in &lanes {
        if let Some(slot) = p.lanes.iter_mut().find(|x| x.id == l.id) {
            slot.height = l.height;
        }
    }
    for t in p.touchpoints.iter_mut().filter(|t| t.map_id == map_id) {
        t.y += shift.get(&t.lane_id).copied().unwrap_or(0.0);
    }
    let lane_at = |y: f64| {
        lanes
            .iter()
            .rev()
            .find(|l| old_top[&l.id] <= y)
            .map(|l| l.id)
    };
    for n in p.notes.iter_mut().filter(|n| n.map_id == map_id) {
        let lane = n.lane_id.or_else(|| lane_at(n.y));
        n.y += lane.and_then(|l| shift.get(&l)).copied().unwrap_or(0.0);
    }
    for (mut card, rel_y) in placed {
        card.y = new_top[&card.lane_id] + rel_y;
        p.touchpoints.push(card);
    }
}
