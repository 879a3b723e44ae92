import type { Room } from '../directory/room.entity.js';

/** A meeting held in a room is held at the room: its name, and where it is when the directory says (at most 100 characters). */
export function roomLocation(room: Pick<Room, 'name' | 'location'>): string {
  return (room.location ? `${room.name}（${room.location}）` : room.name).slice(0, 100);
}
