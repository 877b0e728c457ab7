// The few extension APIs the e2e tests call inside the extension's service worker.
declare const chrome: {
  storage: {
    sync: {
      clear(): Promise<void>;
      set(items: Record<string, unknown>): Promise<void>;
      /** `null` reads every item. */
      get(key: string | null): Promise<Record<string, unknown>>;
    };
    local: {
      clear(): Promise<void>;
      set(items: Record<string, unknown>): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
    session: {
      clear(): Promise<void>;
      get(key: string): Promise<Record<string, unknown>>;
    };
  };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
  };
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(details: { tabId: number }): Promise<[number, number, number, number]>;
  };
  alarms: {
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
    onAlarm: { dispatch(alarm: { name: string; scheduledTime: number }): void };
  };
  notifications: {
    create(id: string, options: { title: string; message: string }, ...rest: unknown[]): unknown;
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
    onClicked: { dispatch(id: string): void };
  };
};
