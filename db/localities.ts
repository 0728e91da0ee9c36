/**
 * The council's towns and localities (a Wigan-like borough), with approximate coordinates.
 * Reference data: inserted on start if missing; ids are stable slugs.
 */
export const LOCALITIES: readonly { id: string; name: string; latitude: number; longitude: number }[] = [
  { id: "wigan", name: "Wigan", latitude: 53.5448, longitude: -2.6318 },
  { id: "leigh", name: "Leigh", latitude: 53.4975, longitude: -2.515 },
  { id: "ashton-in-makerfield", name: "Ashton-in-Makerfield", latitude: 53.487, longitude: -2.641 },
  { id: "hindley", name: "Hindley", latitude: 53.5355, longitude: -2.575 },
  { id: "standish", name: "Standish", latitude: 53.586, longitude: -2.662 },
  { id: "atherton", name: "Atherton", latitude: 53.523, longitude: -2.493 },
  { id: "tyldesley", name: "Tyldesley", latitude: 53.513, longitude: -2.468 },
  { id: "golborne", name: "Golborne", latitude: 53.477, longitude: -2.596 },
  { id: "orrell", name: "Orrell", latitude: 53.53, longitude: -2.709 },
  { id: "ince-in-makerfield", name: "Ince-in-Makerfield", latitude: 53.538, longitude: -2.612 },
  { id: "pemberton", name: "Pemberton", latitude: 53.536, longitude: -2.67 },
  { id: "shevington", name: "Shevington", latitude: 53.573, longitude: -2.69 },
  { id: "aspull", name: "Aspull", latitude: 53.568, longitude: -2.588 },
  { id: "astley", name: "Astley", latitude: 53.5, longitude: -2.45 },
  { id: "lowton", name: "Lowton", latitude: 53.47, longitude: -2.57 },
  { id: "abram", name: "Abram", latitude: 53.508, longitude: -2.592 },
  { id: "billinge", name: "Billinge", latitude: 53.495, longitude: -2.708 },
  { id: "haigh", name: "Haigh", latitude: 53.569, longitude: -2.618 },
  { id: "platt-bridge", name: "Platt Bridge", latitude: 53.52, longitude: -2.6 },
  { id: "winstanley", name: "Winstanley", latitude: 53.525, longitude: -2.68 },
];
