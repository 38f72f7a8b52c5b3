import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { StandInRuntime } from './runtime.js';

/**
 * `Menu` and its items, built from a template the way lib/browser/api/menu.ts and
 * menu-item.ts do (an array is required; each item needs a label, role or type; roles are
 * lower-cased; a submenu template becomes a Menu), usable only once the app is ready.
 * Clicking an item calls its `click` with (item, focusedWindow, event) as Electron does.
 */
export class StandInMenuItem {
  readonly id: string | undefined;
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly accelerator: string | undefined;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly toolTip: string | undefined;
  readonly submenu: StandInMenu | undefined;
  private readonly onClick: MenuItemConstructorOptions['click'];

  constructor(
    private readonly rt: StandInRuntime,
    options: MenuItemConstructorOptions,
  ) {
    this.id = options.id;
    this.label = options.label ?? '';
    this.role = typeof options.role === 'string' ? options.role.toLowerCase() : undefined;
    this.submenu = options.submenu ? (options.submenu instanceof StandInMenu ? options.submenu : buildMenu(rt, options.submenu as MenuItemConstructorOptions[])) : undefined;
    this.type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    this.accelerator = options.accelerator;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.toolTip = options.toolTip;
    this.onClick = options.click;
  }

  /** The user chose this item (or pressed its accelerator). */
  click(): void {
    this.rt.log.record('menuItem.click', [this.id ?? this.label]);
    if (!this.enabled) return;
    const focused = [...this.rt.windows].find((w) => !w.isDestroyed()) ?? undefined;
    const event = { triggeredByAccelerator: false, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false };
    this.rt.guard(() => this.onClick?.(this as never, focused as never, event as never));
  }
}

export class StandInMenu {
  readonly items: StandInMenuItem[];

  constructor(rt: StandInRuntime, template: MenuItemConstructorOptions[]) {
    this.items = template.map((options) => new StandInMenuItem(rt, options));
  }

  readonly getMenuItemById = (id: string): StandInMenuItem | null => {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  };

  /** Every item, depth first (for checks over the whole menu). */
  allItems(): StandInMenuItem[] {
    return this.items.flatMap((item) => [item, ...(item.submenu?.allItems() ?? [])]);
  }
}

function buildMenu(rt: StandInRuntime, template: MenuItemConstructorOptions[]): StandInMenu {
  if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
  if (!template.every((item) => item && typeof item === 'object' && (item.label || item.role || item.type))) {
    throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
  }
  return new StandInMenu(rt, template);
}

/** The `Menu` class's static side as the shell uses it. */
export function menuModule(rt: StandInRuntime) {
  let applicationMenu: StandInMenu | null = null;
  return {
    buildFromTemplate(template: Parameters<typeof Menu.buildFromTemplate>[0]): StandInMenu {
      rt.log.record('Menu.buildFromTemplate', [template]);
      rt.requireReady('menu-after-ready');
      return buildMenu(rt, template as MenuItemConstructorOptions[]);
    },
    setApplicationMenu(menu: StandInMenu | null): void {
      rt.log.record('Menu.setApplicationMenu', [menu]);
      rt.requireReady('menu-after-ready');
      if (menu && menu.constructor !== StandInMenu) throw new TypeError('Invalid menu');
      applicationMenu = menu;
    },
    getApplicationMenu(): StandInMenu | null {
      rt.log.record('Menu.getApplicationMenu', []);
      return applicationMenu;
    },
    /** For the test: the menu the app set, without counting as a call by the app. */
    current(): StandInMenu | null {
      return applicationMenu;
    },
  };
}

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);
const NAMED_KEYS = new Set([
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter', 'up', 'down', 'left', 'right',
  'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop',
  'mediaplaypause', 'printscreen', 'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
]);
const PUNCTUATION = ')!@#$%^&*(:;+=<,_->.?/~`{][|\\}"';

/**
 * Why an accelerator string is not one Electron understands (docs tutorial/keyboard-shortcuts.md,
 * "Accelerators": modifiers joined by + with exactly one key code; case-insensitive), or null.
 * Electron does not throw for a bad one: the shortcut just never works.
 */
export function acceleratorProblem(accelerator: string): string | null {
  const parts = accelerator.split('+');
  // "CmdOrCtrl+Plus" or a trailing "+" key: "Ctrl++" splits into ['Ctrl', '', ''].
  if (parts.length >= 3 && parts.at(-1) === '' && parts.at(-2) === '') parts.splice(-2, 2, '+');
  const key = parts.pop() ?? '';
  for (const modifier of parts) if (!MODIFIERS.has(modifier.toLowerCase())) return `"${modifier}" is not a modifier`;
  const lower = key.toLowerCase();
  const isKey = /^[a-z0-9]$/.test(lower) || /^f([1-9]|1[0-9]|2[0-4])$/.test(lower) || /^num[0-9]$/.test(lower) || NAMED_KEYS.has(lower) || (key.length === 1 && PUNCTUATION.includes(key));
  if (!isKey) return `"${key}" is not a key code`;
  if (new Set(parts.map((p) => p.toLowerCase())).size !== parts.length) return 'a modifier is repeated';
  return null;
}
