/**
 * The demo line's duty cycle, shared by the simulators whose values follow
 * it (modbus, opcua): the machine runs 55 s of every minute, stops for 5,
 * and its parts counter counts whole running seconds.
 */
export interface MachineTime {
  /** seconds since the simulator started */
  t: number;
  running: boolean;
  /** whole seconds spent running since the start */
  runningSeconds: number;
}

/** A clock to call at every tick with the tick's time. */
export function machineClock(started = Date.now()): (now: number) => MachineTime {
  let last = started;
  let runningMs = 0;
  return (now) => {
    const t = (now - started) / 1000;
    const running = t % 60 < 55;
    if (running) runningMs += now - last;
    last = now;
    return { t, running, runningSeconds: Math.floor(runningMs / 1000) };
  };
}
