import { inspect } from "node:util";
import type { GIS } from "../gis";
import { requireString } from "../arguments";
import { getMachineStatus, getMachines, portalAdminUrl } from "../rest/portal-admin";

/** A machine as `/portaladmin/machines` lists it. */
export interface MachineJSON {
  machineName: string;
  adminURL: string;
  [field: string]: unknown;
}

/**
 * One machine the portal runs on. Python: `arcgis.gis.admin.Machine`.
 * @example
 * const [machine] = await gis.admin.machines.list();
 */
export class Machine {
  /**
   * Made by `gis.admin.machines`. Python: `Machine(url, gis)`.
   * @example
   * const machine = await gis.admin.machines.get(name);
   */
  constructor(
    protected readonly gis: GIS,
    private readonly json: MachineJSON,
  ) {}

  /** The machine's name. Python: `Machine.properties["machineName"]`. @example machine.name */
  get name(): string {
    return this.json.machineName;
  }

  /** What the portal answered for it. Python: `Machine.properties`. @example machine.properties.adminURL */
  get properties(): MachineJSON {
    return this.json;
  }

  /**
   * Whether the machine is up. Python: `Machine.status()`.
   * @example
   * const { status } = await machine.status();
   */
  async status(): Promise<{ status: string; [field: string]: unknown }> {
    return getMachineStatus(this.gis.session, this.name);
  }

  /** Python's repr. @example console.log(machine) */
  [inspect.custom](): string {
    return `<Machine name:"${this.name}">`;
  }
}

/**
 * The machines of the portal site (ArcGIS Enterprise, full administrators).
 * Python: `gis.admin.machines` (`arcgis.gis.admin.Machines`).
 * @example
 * const machines = await gis.admin.machines.list();
 */
export class Machines {
  /**
   * Made by `gis.admin`: use `gis.admin.machines`. Python: `Machines(url, gis)`.
   * @example
   * const machines = gis.admin.machines;
   */
  constructor(protected readonly gis: GIS) {}

  /**
   * Every machine of the site. Python: `Machines.list()`.
   * @example
   * for (const machine of await gis.admin.machines.list()) console.log(machine.name);
   */
  async list(): Promise<Machine[]> {
    const result = await getMachines(this.gis.session);
    return (result.machines ?? []).map((json) => new Machine(this.gis, json));
  }

  /**
   * The machine of that name (any case), or null. Python: `Machines.get(name)`.
   * @example
   * const machine = await gis.admin.machines.get("PORTAL.EXAMPLE.COM");
   */
  async get(name: string): Promise<Machine | null> {
    const wanted = requireString(name, "name").toLowerCase();
    return (await this.list()).find((m) => m.name.toLowerCase() === wanted) ?? null;
  }

  /**
   * What `util.inspect` and `console.log` print. Python: `Machines.__repr__()`.
   * @example
   * console.log(util.inspect(gis.admin.machines));
   */
  [inspect.custom](): string {
    return `<Machines url:"${portalAdminUrl(this.gis.session)}/machines">`;
  }
}
