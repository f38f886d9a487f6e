// The few host globals the engine may use: present in Node and in Web Workers alike.
declare function structuredClone<T>(value: T): T;
