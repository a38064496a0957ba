import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";

/**
 * Fault injection for the torture campaign (issue 19, decision 0023), on SQLite's I/O-error
 * testing's model: count the calls one port receives, then make its Nth call fail, either once
 * or persistently (that call and every later one), until the fault is cleared.
 */
export type FaultMode = "once" | "persistent";

export class FaultSwitch {
  /** Calls counted since the switch was last armed or reset. */
  calls = 0;
  /** Faults thrown since the switch was last armed. */
  injected = 0;
  private plan: { readonly at: number; readonly mode: FaultMode } | undefined;

  constructor(
    /** What the port's own failure looks like to its caller (its vendor text included, which no user must see). */
    private readonly failure: (call: number) => Error,
  ) {}

  /** From now on the `at`th call (counting from 1) fails, and with "persistent" every one after it too. */
  arm(at: number, mode: FaultMode): void {
    this.plan = { at, mode };
    this.calls = 0;
    this.injected = 0;
  }

  /** Counting from zero, no faults. */
  reset(): void {
    this.plan = undefined;
    this.calls = 0;
  }

  /** The fault clears: calls succeed again (they are still counted). */
  clear(): void {
    this.plan = undefined;
  }

  /** Counts one call, and throws when it is one chosen to fail. */
  hit(): void {
    this.calls++;
    const plan = this.plan;
    if (!plan) return;
    if (this.calls === plan.at || (plan.mode === "persistent" && this.calls > plan.at)) {
      this.injected++;
      throw this.failure(this.calls);
    }
  }
}

/**
 * The real implementation of a port, whose listed methods each count a call on `fault` (and may
 * fail) before the real method runs. Everything else passes through untouched.
 */
export function withFaults<T extends object>(target: T, methods: readonly (keyof T & string)[], fault: FaultSwitch): T {
  const faulty = new Set<string | symbol>(methods);
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (!faulty.has(property) || typeof value !== "function") return value;
      return (...args: unknown[]): unknown => {
        try {
          fault.hit();
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

const writes = new Set(["InsertQueryNode", "UpdateQueryNode", "DeleteQueryNode"]);

/**
 * A Kysely plugin that counts every write statement (INSERT, UPDATE, DELETE) on the database it is
 * added to, in or out of a transaction, and makes the chosen ones fail before they reach the
 * database, as a disk that refuses a write would: the transaction around it rolls back.
 */
export function faultyWrites(fault: FaultSwitch): KyselyPlugin {
  return {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (writes.has(args.node.kind)) fault.hit();
      return args.node;
    },
    transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return Promise.resolve(args.result);
    },
  };
}

/** An error shaped like better-sqlite3's for a failed disk write (SQLITE_IOERR_WRITE). */
export function diskWriteError(call: number): Error {
  return Object.assign(new Error(`disk I/O error (injected fault at write ${call})`), { name: "SqliteError", code: "SQLITE_IOERR_WRITE" });
}
