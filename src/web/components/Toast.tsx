import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Icon } from './Icon';

const ToastContext = createContext<(text: string) => void>(() => {});

/** A short confirmation after a save ("Tersimpan"), announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  const [seq, setSeq] = useState(0);
  const show = useCallback((t: string) => {
    setText(t);
    setSeq((s) => s + 1);
  }, []);
  useEffect(() => {
    if (!text) return;
    const h = setTimeout(() => setText(null), 3500);
    return () => clearTimeout(h);
  }, [text, seq]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" role="status">
        {text && (
          <div className="toast" data-testid="toast">
            <Icon name="check" />
            {text}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (text: string) => void {
  return useContext(ToastContext);
}
